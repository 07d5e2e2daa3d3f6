package dev.hygge.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What can be checked of the Google Cloud Terraform without the google provider (which cannot be
 * fetched here): variables and locals wired, references resolve, the adapter contract's names,
 * entry points and environment, least-privilege roles, a pinned provider, and {@code terraform fmt
 * -check} with Terraform 1.5.7 ({@code HYGGE_TERRAFORM}, built by {@code .ci/run}).
 */
class TerraformTest {
  static final String TERRAFORM_VARIABLE = "HYGGE_TERRAFORM";
  static final String TERRAFORM_VERSION = "1.5.7";

  private static final Path DEFAULT_TERRAFORM =
      Path.of(
          System.getProperty("user.home"),
          ".cache",
          "hygge",
          "terraform-" + TERRAFORM_VERSION,
          "bin",
          "terraform");
  private static final String INSTALL =
      "GOBIN=~/.cache/hygge/terraform-"
          + TERRAFORM_VERSION
          + "/bin go install github.com/hashicorp/terraform@v"
          + TERRAFORM_VERSION;
  private static final String FUNCTION = "google_cloudfunctions2_function";
  // No CLI configuration file and no update check (a network call) for the fmt run.
  private static final Map<String, String> OFFLINE =
      Map.of("TF_CLI_CONFIG_FILE", "/dev/null", "CHECKPOINT_DISABLE", "1");

  private final TerraformConfiguration gcp = TerraformConfiguration.read("gcp");

  @Test
  void everyDeclaredVariableIsUsedAndEveryUsedVariableIsDeclared() {
    assertThat(gcp.declaredVariables()).isNotEmpty();
    assertThat(gcp.usedVariables()).containsExactlyInAnyOrderElementsOf(gcp.declaredVariables());
  }

  @Test
  void everyLocalIsDeclaredAndUsed() {
    assertThat(gcp.usedLocals()).containsExactlyInAnyOrderElementsOf(gcp.declaredLocals());
  }

  @Test
  void everyReferencedResourceAndDataSourceIsDeclared() {
    assertThat(gcp.declaredResources()).containsAll(gcp.referencedResources());
    assertThat(gcp.referencedDataSources())
        .containsExactlyInAnyOrderElementsOf(gcp.declaredDataSources());
  }

  @Test
  void everyVariableInTheExampleIsDeclaredAndEveryRequiredOneIsSet() {
    String example = DeployDirectory.read("gcp/terraform.tfvars.example");
    Set<String> given = new LinkedHashSet<>();
    Matcher assignment = Pattern.compile("(?m)^(\\w+)\\s*=").matcher(example);
    while (assignment.find()) {
      given.add(assignment.group(1));
    }
    assertThat(gcp.declaredVariables()).containsAll(given);
    for (String variable : gcp.declaredVariables()) {
      if (!gcp.block("variable", variable).contains("default")) {
        assertThat(given).as("required variable %s in the example", variable).contains(variable);
      }
    }
  }

  @Test
  void providerVersionIsPinned() {
    assertThat(DeployDirectory.read("gcp/versions.tf"))
        .containsPattern("source\\s*=\\s*\"hashicorp/google\"")
        .containsPattern("version\\s*=\\s*\"\\d+\\.\\d+\\.\\d+\"");
  }

  @Test
  void eventsFunctionIsTheCloudEventsEntryPointOnJava21WithTheContractsEnvironment() {
    String events = gcp.block("resource", FUNCTION, "events");
    assertThat(events)
        .contains("name        = \"" + AdapterContract.GCP_EVENTS_FUNCTION + "\"")
        .contains("runtime     = \"" + AdapterContract.GCP_RUNTIME + "\"")
        .contains("entry_point = \"" + AdapterContract.GCP_EVENTS_ENTRY_POINT + "\"")
        .contains(
            AdapterContract.GCP_FUNCTION_SELECTOR
                + " = \""
                + AdapterContract.GCP_EVENTS_BEAN
                + "\"")
        .contains("merge(local.function_environment")
        .contains("event_type            = \"" + AdapterContract.GCP_STORAGE_FINALIZED + "\"")
        .contains("trigger_region        = local.landing_trigger_region")
        .contains("attribute = \"bucket\"")
        .contains("value     = var.landing_bucket");
  }

  @Test
  void httpFunctionIsTheHttpEntryPointOnJava21WithTheContractsEnvironment() {
    String http = gcp.block("resource", FUNCTION, "http");
    assertThat(http)
        .contains("name        = \"" + AdapterContract.GCP_HTTP_FUNCTION + "\"")
        .contains("runtime     = \"" + AdapterContract.GCP_RUNTIME + "\"")
        .contains("entry_point = \"" + AdapterContract.GCP_HTTP_ENTRY_POINT + "\"")
        .contains(
            AdapterContract.GCP_FUNCTION_SELECTOR + " = \"" + AdapterContract.GCP_HTTP_BEAN + "\"")
        .contains("merge(local.function_environment")
        .doesNotContain("event_trigger");
    assertThat(gcp.resourcesOfType(FUNCTION))
        .containsExactlyInAnyOrder(FUNCTION + ".events", FUNCTION + ".http");
  }

  @Test
  void sharedEnvironmentSetsTheProjectTheFanOutTopicAndTheJavaFlag() {
    String locals = gcp.text().substring(gcp.text().indexOf("locals {"));
    assertThat(locals)
        .contains("java_options = \"" + AdapterContract.JAVA_OPENS + "\"")
        .contains("HYGGE_PROJECT      = var.project_location")
        .contains("HYGGE_FANOUT_TOPIC = google_pubsub_topic.runs.id")
        .contains("JAVA_TOOL_OPTIONS  = local.java_options");
    for (String variable : AdapterContract.GCP_ENVIRONMENT) {
      assertThat(gcp.text()).contains(variable);
    }
  }

  @Test
  void runsTopicAndItsDeadLetterTopicCarryTheContractsNames() {
    assertThat(gcp.block("resource", "google_pubsub_topic", "runs"))
        .contains("name    = \"" + AdapterContract.GCP_RUNS_TOPIC + "\"");
    assertThat(gcp.block("resource", "google_pubsub_topic", "dead_letter"))
        .contains("name    = \"" + AdapterContract.GCP_DEAD_LETTER_TOPIC + "\"");
    assertThat(gcp.block("resource", "terraform_data", "runs_dead_letter_policy"))
        .contains("--dead-letter-topic=${google_pubsub_topic.dead_letter.id}")
        .contains("--max-delivery-attempts=${var.max_delivery_attempts}");
  }

  @Test
  void runsTopicMessagesReachTheEventsFunctionThroughEventarc() {
    assertThat(gcp.block("resource", "google_eventarc_trigger", "runs"))
        .contains("value     = \"" + AdapterContract.GCP_PUBSUB_PUBLISHED + "\"")
        .contains("service = google_cloudfunctions2_function.events.name")
        .contains("topic = google_pubsub_topic.runs.id");
  }

  @Test
  void schedulerPublishesTheFlowJsonToTheRunsTopic() {
    assertThat(gcp.block("resource", "google_cloud_scheduler_job", "flow"))
        .contains("topic_name = google_pubsub_topic.runs.id")
        .contains("data       = base64encode(jsonencode({ flow = var.schedule_flow }))")
        .contains("schedule    = var.schedule");
  }

  @Test
  void serviceAccountHoldsExactlyTheLeastPrivilegeRoles() {
    Map<String, String> grants =
        Map.of(
            "google_storage_bucket_iam_member.landing_reader", "roles/storage.objectViewer",
            "google_storage_bucket_iam_member.lake_writer", "roles/storage.objectAdmin",
            "google_secret_manager_secret_iam_member.secret_reader",
                "roles/secretmanager.secretAccessor",
            "google_pubsub_topic_iam_member.runs_publisher", "roles/pubsub.publisher",
            "google_project_iam_member.event_receiver", "roles/eventarc.eventReceiver",
            "google_cloud_run_v2_service_iam_member.events_invoker", "roles/run.invoker");
    grants.forEach(
        (address, role) -> {
          String[] typeAndName = address.split("\\.");
          assertThat(gcp.block("resource", typeAndName[0], typeAndName[1]))
              .as(address)
              .containsPattern("role\\s+= \"" + Pattern.quote(role) + "\"")
              .containsPattern("member\\s+= local\\.service_account_member");
        });
    assertThat(gcp.block("resource", "google_storage_bucket_iam_member", "landing_reader"))
        .contains("bucket = var.landing_bucket");
    assertThat(gcp.block("resource", "google_storage_bucket_iam_member", "lake_writer"))
        .contains("bucket = var.lake_bucket");
    assertThat(gcp.block("resource", "google_secret_manager_secret_iam_member", "secret_reader"))
        .contains("for_each  = toset(var.secret_ids)");
    long serviceAccountGrants =
        gcp.text().lines().filter(l -> l.contains("= local.service_account_member")).count();
    assertThat(serviceAccountGrants).isEqualTo(grants.size());
    assertThat(gcp.text()).doesNotContain("roles/owner").doesNotContain("roles/editor");
  }

  @Test
  void terraformFmtFindsNothingToChange() throws Exception {
    ExternalTool terraform = ExternalTool.find(TERRAFORM_VARIABLE, "", DEFAULT_TERRAFORM, INSTALL);
    ExternalTool.Result version = terraform.run(DeployDirectory.resolve("gcp"), OFFLINE, "version");
    assertThat(version.output()).startsWith("Terraform v" + TERRAFORM_VERSION);
    ExternalTool.Result fmt =
        terraform.run(DeployDirectory.resolve("gcp"), OFFLINE, "fmt", "-check", "-diff");
    assertThat(fmt.output()).isEmpty();
    assertThat(fmt.exitCode()).isZero();
  }
}
