package dev.hygge.deploy;

import static dev.hygge.deploy.CloudFormationTemplate.arnOf;
import static dev.hygge.deploy.CloudFormationTemplate.at;
import static dev.hygge.deploy.CloudFormationTemplate.list;
import static dev.hygge.deploy.CloudFormationTemplate.map;
import static dev.hygge.deploy.CloudFormationTemplate.ref;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The SAM template wires exactly what the AWS adapter expects (the adapter contract). */
class SamTemplateTest {
  private static final String TEMPLATE = "aws/template.yaml";
  private final CloudFormationTemplate template = CloudFormationTemplate.read(TEMPLATE);
  private final String function = template.onlyResourceOfType("AWS::Serverless::Function");
  private final Map<String, Object> functionProperties = template.properties(function);

  @Test
  void isASamTemplate() {
    assertThat(template.root()).containsEntry("Transform", "AWS::Serverless-2016-10-31");
  }

  @Test
  void functionRunsTheQuarkusHandlerOnJava21FromFunctionZip() {
    assertThat(functionProperties)
        .containsEntry("Handler", AdapterContract.AWS_HANDLER)
        .containsEntry("Runtime", AdapterContract.AWS_RUNTIME)
        .containsEntry("CodeUri", AdapterContract.AWS_CODE_URI)
        .containsEntry("MemorySize", ref("MemorySize"))
        .containsEntry("Timeout", ref("Timeout"));
    assertThat(template.parameter("MemorySize")).containsEntry("Default", "2048");
    assertThat(template.parameter("Timeout")).containsEntry("Default", "900");
  }

  @Test
  void snapStartAppliesToPublishedVersionsOfAnAutoPublishedAlias() {
    assertThat(at(functionProperties, "SnapStart", "ApplyOn")).isEqualTo("PublishedVersions");
    assertThat(functionProperties.get("AutoPublishAlias")).isNotNull();
  }

  @Test
  void environmentIsTheContractsAndPointsTheFanOutAtTheEventsQueue() {
    Map<String, Object> variables = map(at(functionProperties, "Environment", "Variables"));
    assertThat(variables.keySet())
        .containsExactlyInAnyOrderElementsOf(AdapterContract.AWS_ENVIRONMENT);
    assertThat(variables)
        .containsEntry("HYGGE_FANOUT_QUEUE_URL", ref(eventsQueue()))
        .containsEntry("HYGGE_PROJECT", ref("ProjectLocation"))
        .containsEntry("JAVA_TOOL_OPTIONS", AdapterContract.JAVA_OPENS);
  }

  @Test
  void eventsQueueFeedsTheFunctionWithPartialBatchFailures() {
    Map<String, Object> sqs = eventOfType("SQS");
    assertThat(sqs.get("Queue")).isEqualTo(arnOf(eventsQueue()));
    assertThat(list(sqs.get("FunctionResponseTypes"))).containsExactly("ReportBatchItemFailures");
  }

  @Test
  void eventsQueueIsNamedByTheContractAndRedrivesToItsDeadLetterQueue() {
    Map<String, Object> queue = template.properties(eventsQueue());
    assertThat(queue.get("QueueName")).isEqualTo(ref("QueueName"));
    assertThat(template.parameter("QueueName")).containsEntry("Default", AdapterContract.AWS_QUEUE);
    Map<String, Object> redrive = map(queue.get("RedrivePolicy"));
    String deadLetterQueue = getAttTarget(redrive.get("deadLetterTargetArn"));
    assertThat(template.properties(deadLetterQueue).get("QueueName"))
        .isEqualTo(Map.of("Fn::Sub", "${QueueName}-dlq"));
    assertThat(AdapterContract.AWS_QUEUE + "-dlq").isEqualTo(AdapterContract.AWS_DEAD_LETTER_QUEUE);
    assertThat(redrive.get("maxReceiveCount")).isEqualTo(ref("MaxReceiveCount"));
    assertThat(template.parameter("MaxReceiveCount"))
        .containsEntry("Default", Integer.toString(AdapterContract.AWS_MAX_RECEIVE_COUNT));
  }

  @Test
  void visibilityTimeoutIsSixTimesEveryAllowedFunctionTimeout() {
    Map<String, Object> queue = template.properties(eventsQueue());
    List<Object> findInMap = list(map(queue.get("VisibilityTimeout")).get("Fn::FindInMap"));
    assertThat(findInMap.get(1)).isEqualTo(ref("Timeout"));
    Map<String, Object> mapping = map(at(template.root(), "Mappings", (String) findInMap.get(0)));
    List<Object> allowed = list(template.parameter("Timeout").get("AllowedValues"));
    assertThat(mapping.keySet()).containsExactlyInAnyOrderElementsOf(strings(allowed));
    for (Object timeout : allowed) {
      int seconds = Integer.parseInt((String) timeout);
      assertThat(at(mapping, timeout.toString(), (String) findInMap.get(2)))
          .as("visibility timeout for a %s s function timeout", seconds)
          .isEqualTo(Integer.toString(AdapterContract.AWS_VISIBILITY_TIMEOUT_FACTOR * seconds));
    }
  }

  @Test
  void landingBucketObjectCreatedEventsGoThroughEventBridgeToTheQueue() {
    String rule = template.onlyResourceOfType("AWS::Events::Rule");
    Map<String, Object> properties = template.properties(rule);
    Map<String, Object> pattern = map(properties.get("EventPattern"));
    assertThat(list(pattern.get("source"))).containsExactly("aws.s3");
    assertThat(list(pattern.get("detail-type"))).containsExactly("Object Created");
    List<Object> ifBranches = list(map(pattern.get("detail")).get("Fn::If"));
    for (Object branch : ifBranches.subList(1, ifBranches.size())) {
      assertThat(list(at(branch, "bucket", "name"))).containsExactly(ref("LandingBucketName"));
    }
    Map<String, Object> target = map(list(properties.get("Targets")).get(0));
    assertThat(target.get("Arn")).isEqualTo(arnOf(eventsQueue()));

    String policy = template.onlyResourceOfType("AWS::SQS::QueuePolicy");
    Map<String, Object> statement =
        map(list(at(template.properties(policy), "PolicyDocument", "Statement")).get(0));
    assertThat(at(statement, "Principal", "Service")).isEqualTo("events.amazonaws.com");
    assertThat(statement.get("Action")).isEqualTo("sqs:SendMessage");
    assertThat(at(statement, "Condition", "ArnEquals", "aws:SourceArn")).isEqualTo(arnOf(rule));
  }

  @Test
  void createdLandingBucketSendsItsEventsToEventBridge() {
    Map<String, Object> bucket = template.resource("LandingBucket");
    assertThat(bucket).containsEntry("Condition", "CreatesLandingBucket");
    assertThat(
            at(
                bucket,
                "Properties",
                "NotificationConfiguration",
                "EventBridgeConfiguration",
                "EventBridgeEnabled"))
        .isEqualTo("true");
  }

  @Test
  void scheduleSendsTheFlowJsonThroughItsOwnRole() {
    Map<String, Object> schedule = eventOfType("ScheduleV2");
    assertThat(schedule.get("ScheduleExpression")).isEqualTo(ref("ScheduleExpression"));
    assertThat(schedule.get("Input"))
        .isEqualTo(Map.of("Fn::Sub", "{\"flow\": \"${ScheduleFlow}\"}"));
    String role = getAttTarget(schedule.get("RoleArn"));
    assertThat(at(template.resource(role), "Properties", "AssumeRolePolicyDocument"))
        .asString()
        .contains("scheduler.amazonaws.com");
    assertThat(actionsOf(role))
        .containsExactlyInAnyOrder("lambda:InvokeFunction", "sqs:SendMessage");
  }

  @Test
  void functionRoleGrantsOnlyWhatTheFunctionNeeds() {
    String role = getAttTarget(functionProperties.get("Role"));
    assertThat(actionsOf(role))
        .containsExactlyInAnyOrder(
            "logs:CreateLogStream",
            "logs:PutLogEvents",
            "s3:GetObject",
            "s3:ListBucket",
            "s3:PutObject",
            "s3:GetObject",
            "s3:DeleteObject",
            "s3:AbortMultipartUpload",
            "s3:ListBucket",
            "s3:ListBucketMultipartUploads",
            "sqs:SendMessage",
            "sqs:ReceiveMessage",
            "sqs:DeleteMessage",
            "sqs:ChangeMessageVisibility",
            "sqs:GetQueueAttributes",
            "secretsmanager:GetSecretValue");
    String policies = template.resource(role).toString();
    assertThat(policies)
        .contains("arn:${AWS::Partition}:s3:::${LandingBucketName}/*")
        .contains("arn:${AWS::Partition}:s3:::${LakeBucketName}/${LakePrefix}*")
        .contains("Resource={Ref=SecretArns}")
        .doesNotContain("Resource=*");
    assertThat(functionProperties).doesNotContainKey("Policies");
  }

  @Test
  void exampleConfigurationSetsEveryRequiredParameterAndNoUnknownOne() {
    String config = DeployDirectory.read("aws/samconfig.example.toml");
    Matcher overrides = Pattern.compile("\"(\\w+)=").matcher(config);
    List<String> given = new ArrayList<>();
    while (overrides.find()) {
      given.add(overrides.group(1));
    }
    assertThat(template.parameters().keySet()).containsAll(given);
    List<String> required =
        template.parameters().entrySet().stream()
            .filter(e -> !map(e.getValue()).containsKey("Default"))
            .map(Map.Entry::getKey)
            .toList();
    assertThat(given).containsAll(required);
  }

  private String eventsQueue() {
    return getAttTarget(eventOfType("SQS").get("Queue"));
  }

  private Map<String, Object> eventOfType(String type) {
    List<Map<String, Object>> events =
        map(functionProperties.get("Events")).values().stream()
            .map(CloudFormationTemplate::map)
            .filter(e -> type.equals(e.get("Type")))
            .toList();
    assertThat(events).as("%s events of %s", type, function).hasSize(1);
    return map(events.get(0).get("Properties"));
  }

  private List<String> actionsOf(String role) {
    List<String> actions = new ArrayList<>();
    for (Object policy : list(template.properties(role).get("Policies"))) {
      Map<String, Object> named = map(policy);
      if (named.containsKey("Fn::If")) {
        named = map(list(named.get("Fn::If")).get(1));
      }
      for (Object statement : list(at(named, "PolicyDocument", "Statement"))) {
        Object action = map(statement).get("Action");
        if (action instanceof List<?> several) {
          several.forEach(a -> actions.add((String) a));
        } else {
          actions.add((String) action);
        }
      }
    }
    return actions;
  }

  private static String getAttTarget(Object getAtt) {
    String target = (String) map(getAtt).get("Fn::GetAtt");
    assertThat(target).endsWith(".Arn");
    return target.substring(0, target.length() - ".Arn".length());
  }

  private static List<String> strings(List<Object> values) {
    return values.stream().map(Object::toString).toList();
  }
}
