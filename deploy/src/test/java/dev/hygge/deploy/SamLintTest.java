package dev.hygge.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code cfn-lint} and {@code sam validate --lint} pass on the SAM template, offline. Both come
 * from the venv {@code .ci/run} creates ({@code HYGGE_SAM_VENV}, default {@code
 * ~/.cache/hygge/sam-venv}).
 */
class SamLintTest {
  static final String VENV_VARIABLE = "HYGGE_SAM_VENV";
  static final String SAM_CLI_VERSION = "1.170.0";
  static final String CFN_LINT_VERSION = "1.58.0";

  private static final Path DEFAULT_VENV =
      Path.of(System.getProperty("user.home"), ".cache", "hygge", "sam-venv");
  private static final String INSTALL =
      "python3 -m venv ~/.cache/hygge/sam-venv && ~/.cache/hygge/sam-venv/bin/pip install"
          + " 'aws-sam-cli=="
          + SAM_CLI_VERSION
          + "' 'cfn-lint=="
          + CFN_LINT_VERSION
          + "'";

  // Any region does: both tools only need one to resolve the template, and call no AWS API.
  private static final Map<String, String> OFFLINE =
      Map.of("AWS_DEFAULT_REGION", "eu-west-1", "SAM_CLI_TELEMETRY", "0");

  private final Path aws = DeployDirectory.resolve("aws");

  @Test
  void cfnLintFindsNothing() throws Exception {
    ExternalTool.Result result = tool("bin/cfn-lint").run(aws, OFFLINE, "template.yaml");
    assertThat(result.output()).isEmpty();
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void samValidateWithLintPasses() throws Exception {
    ExternalTool.Result result =
        tool("bin/sam").run(aws, OFFLINE, "validate", "--lint", "--template", "template.yaml");
    assertThat(result.output()).contains("template.yaml is a valid SAM Template");
    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  @Test
  void cfnLintIsThePinnedVersion() throws Exception {
    assertThat(tool("bin/cfn-lint").run(aws, OFFLINE, "--version").output().strip())
        .isEqualTo("cfn-lint " + CFN_LINT_VERSION);
    assertThat(tool("bin/sam").run(aws, OFFLINE, "--version").output())
        .contains("version " + SAM_CLI_VERSION);
  }

  @Test
  void cfnLintRejectsAMisspelledProperty() throws Exception {
    // The linter really checks this template: the same template with one typo fails.
    Path dir = Files.createTempDirectory("hygge-deploy-lint-");
    Path broken = dir.resolve("template.yaml");
    try {
      Files.writeString(
          broken,
          DeployDirectory.read("aws/template.yaml")
              .replace("VisibilityTimeout:", "VisibilityTimeot:"));
      ExternalTool.Result result = tool("bin/cfn-lint").run(dir, OFFLINE, "template.yaml");
      assertThat(result.exitCode()).isNotZero();
      assertThat(result.output()).contains("E3002").contains("VisibilityTimeot");
    } finally {
      Files.deleteIfExists(broken);
      Files.delete(dir);
    }
  }

  private static ExternalTool tool(String relative) {
    return ExternalTool.find(VENV_VARIABLE, relative, DEFAULT_VENV.resolve(relative), INSTALL);
  }
}
