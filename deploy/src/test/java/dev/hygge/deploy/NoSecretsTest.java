package dev.hygge.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No deployment file carries a credential; secrets are read at run time from each cloud's store.
 */
class NoSecretsTest {

  @Test
  void noDeploymentFileContainsASecret() {
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("aws", "gcp", "azure")) {
      files.addAll(DeployDirectory.files(dir, ""));
    }
    files.add(DeployDirectory.resolve("README.md"));
    assertThat(files).hasSizeGreaterThan(10);
    List<String> found = new ArrayList<>();
    for (Path file : files) {
      found.addAll(
          SecretPatterns.find(
              DeployDirectory.root().relativize(file).toString(), DeployDirectory.readFile(file)));
    }
    assertThat(found).isEmpty();
  }

  @Test
  void theScanFindsEachKindOfSecret() {
    // Assembled here so that this source file itself holds no secret-shaped literal.
    String key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXAMPLEKEY";
    String accountKey = "dGhpcyBpcyBub3QgYSByZWFsIGtleSBidXQgaXQgbG9va3MgbGlrZSBvbmU" + "=";
    String samples =
        String.join(
            "\n",
            "aws_access_key_id = AKIA" + "IOSFODNN7EXAMPLE",
            "aws_secret_access_key = " + key,
            "-----BEGIN RSA " + "PRIVATE KEY-----",
            "{\"type\": \"service_account\", \"private_key\": \"x\"}",
            "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=" + accountKey,
            "https://a.blob.core.windows.net/c?sv=2022-11-02&sig=" + "abcdEFGHijklMNOP1234%3D",
            "InstrumentationKey=" + "00000000-1111-2222-3333-444444444444;IngestionEndpoint=x",
            "password: 'hunter22'");
    assertThat(SecretPatterns.find("samples", samples))
        .containsExactlyInAnyOrder(
            "samples:1: AWS access key id",
            "samples:2: AWS secret access key",
            "samples:3: private key",
            "samples:4: Google service account key",
            "samples:5: Azure storage account key",
            "samples:6: Azure SAS signature",
            "samples:7: Application Insights key",
            "samples:8: literal password");
  }

  @Test
  void valuesComputedAtDeployTimeAreNotSecrets() {
    String computed =
        String.join(
            "\n",
            "value: 'AccountName=${hostStorage.name};AccountKey=${hostStorage.listKeys().keys[0].value}'",
            "password: ${DB_PASSWORD}",
            "SecretArns=arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/warehouse-??????");
    assertThat(SecretPatterns.find("computed", computed)).isEmpty();
  }
}
