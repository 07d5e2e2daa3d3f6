package dev.hygge.config.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectStore;
import dev.hygge.storage.OutputObject;
import dev.hygge.storage.s3.S3ObjectStore;
import dev.hygge.storage.s3.S3Options;
import dev.hygge.testing.S3Emulator;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Projects fetched from S3, served by s3proxy in this JVM. */
class S3ProjectSourceTest extends ObjectStorageProjectSourceContract {
  private static final String BUCKET = "projects";

  private static S3Emulator emulator;

  @BeforeAll
  static void startEmulator() throws Exception {
    emulator = S3Emulator.start();
    emulator.createBucket(BUCKET);
  }

  @AfterAll
  static void stopEmulator() throws Exception {
    emulator.close();
  }

  @Override
  protected ObjectStore newStore() {
    S3Options options = S3Options.defaults();
    return new S3ObjectStore(() -> emulator.client(options), options);
  }

  @Override
  protected Location newRoot() {
    return Location.parse("s3://" + BUCKET + "/" + UUID.randomUUID() + "/");
  }

  @Override
  protected Location missingBucket() {
    return Location.parse("s3://no-such-bucket/project/");
  }

  @Test
  void hyggeProjectWithAnEndpointIsFetchedWithTheDefaultChain() {
    Location root = newRoot();
    try (ObjectStore writer = newStore()) {
      for (Map.Entry<String, String> file :
          Map.of(
                  "hygge.yml",
                  "name: from-env\n",
                  "flows/sales/flow.yml",
                  "home: {type: csv, path: landing}\nstore: {type: parquet, path: lake}\n"
                      + "entities: [orders]\n")
              .entrySet()) {
        try (OutputObject out = writer.createOrOverwrite(root.resolve(file.getKey()))) {
          out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
          out.commit();
        }
      }
    }
    ProjectSourceSettings settings =
        ProjectSourceSettings.from(
            new SmallRyeConfigBuilder()
                .withSources(
                    new PropertiesConfigSource(
                        Map.of(
                            ProjectSourceSettings.PROJECT, root.toString(),
                            ProjectSourceSettings.ENDPOINT, emulator.endpoint().toString(),
                            ProjectSourceSettings.REGION, S3Emulator.REGION),
                        "test",
                        0))
                .build());
    // The AWS default chain reads keys from system properties, as a function's role gives them.
    System.setProperty("aws.accessKeyId", S3Emulator.ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", S3Emulator.SECRET_KEY);
    try {
      ProjectSource source = ProjectSources.open(settings);
      try {
        assertThat(source).isInstanceOf(ObjectStorageProjectSource.class);
        assertThat(source.load().name()).isEqualTo("from-env");
      } finally {
        ((ObjectStorageProjectSource) source).close();
      }
    } finally {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
    }
  }
}
