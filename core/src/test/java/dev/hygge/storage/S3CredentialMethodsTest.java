package dev.hygge.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hygge.config.ProjectLoader;
import dev.hygge.invoke.FlowInvoker;
import dev.hygge.invoke.Invocation;
import dev.hygge.invoke.RunReport;
import dev.hygge.testing.Moto;
import dev.hygge.testing.S3Emulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The {@code profile} and {@code assume_role} methods of {@code s3} credentials, end to end: a
 * profile file read by the AWS SDK signs requests to s3proxy (which checks signatures), and a role
 * assumed through moto's STS gives the temporary keys that write into moto's S3. The AWS SDK reads
 * its shared files and base credentials from system properties, set here and restored after.
 */
class S3CredentialMethodsTest {
  @TempDir Path project;
  private final Map<String, String> saved = new java.util.HashMap<>();

  private void property(String key, String value) {
    saved.putIfAbsent(key, System.getProperty(key));
    System.setProperty(key, value);
  }

  @AfterEach
  void restoreProperties() {
    saved.forEach(
        (key, value) -> {
          if (value == null) {
            System.clearProperty(key);
          } else {
            System.setProperty(key, value);
          }
        });
  }

  private RunReport upload(String credential, String endpoint, String bucket) throws Exception {
    Path landing = Files.createDirectories(project.resolve("landing/orders"));
    Files.writeString(landing.resolve("a.csv"), "id,name\n1,a\n2,b\n3,c\n");
    Files.writeString(
        project.resolve("hygge.yml"),
        """
        name: shop
        credentials:
          lake:
        %s
        flows:
          upload:
            home:
              type: csv
              path: landing
            store:
              type: parquet
              path: s3://%s/raw
              endpoint: %s
              credential: lake
            entities: [orders]
        """
            .formatted(credential.indent(4).stripTrailing(), bucket, endpoint));
    return new FlowInvoker(ProjectLoader.load(project)).invoke(Invocation.Manual.all());
  }

  @Test
  void aProfileFromTheSharedCredentialsFileSignsTheRequests() throws Exception {
    Path credentials = project.resolve("aws-credentials");
    Files.writeString(
        credentials,
        "[hygge-test]\naws_access_key_id = "
            + S3Emulator.ACCESS_KEY
            + "\naws_secret_access_key = "
            + S3Emulator.SECRET_KEY
            + "\n");
    property("aws.sharedCredentialsFile", credentials.toString());
    property("aws.configFile", project.resolve("aws-config-absent").toString());
    try (S3Emulator s3 = S3Emulator.start()) {
      s3.createBucket("profiled");

      RunReport report =
          upload(
              "type: s3\nmethod: profile\nprofile: hygge-test\n",
              s3.endpoint().toString(),
              "profiled");

      assertThat(report.entities().get(0).error()).isEmpty();
      assertThat(report.totalRows()).isEqualTo(3);
    }
  }

  @Test
  void anAssumedRolesTemporaryKeysWriteTheObjects() throws Exception {
    property("aws.accessKeyId", "testing");
    property("aws.secretAccessKey", "testing");
    try (Moto moto = Moto.start()) {
      try (S3Client client =
          S3Client.builder()
              .region(software.amazon.awssdk.regions.Region.of(Moto.REGION))
              .endpointOverride(moto.endpoint())
              .forcePathStyle(true)
              .credentialsProvider(
                  software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                      software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                          "testing", "testing")))
              .build()) {
        client.createBucket(b -> b.bucket("assumed"));

        RunReport report =
            upload(
                """
                type: s3
                method: assume_role
                role_arn: arn:aws:iam::123456789012:role/hygge-loader
                session_name: hygge-test
                sts_endpoint: %s
                """
                    .formatted(moto.endpoint()),
                moto.endpoint().toString(),
                "assumed");

        assertThat(report.entities().get(0).error()).isEmpty();
        assertThat(report.totalRows()).isEqualTo(3);
        assertThat(client.listObjectsV2(b -> b.bucket("assumed").prefix("raw/orders/")).contents())
            .extracting(o -> o.key())
            .containsExactly("raw/orders/part-000001.parquet");
      }
    }
  }
}
