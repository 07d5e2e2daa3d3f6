package dev.hygge.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/**
 * The handler and entry points the templates name exist in the Quarkus extensions the function
 * modules build with (same Quarkus BOM), with the method the runtime calls, and the function
 * modules depend on those extensions.
 */
class EntryPointsTest {

  @Test
  void lambdaHandlerIsQuarkusStreamHandlerHandleRequest() throws Exception {
    Class<?> handler = load(AdapterContract.AWS_HANDLER_CLASS);
    Class<?> context = load("com.amazonaws.services.lambda.runtime.Context");
    Method handleRequest =
        handler.getMethod("handleRequest", InputStream.class, OutputStream.class, context);
    assertThat(handleRequest.getReturnType()).isEqualTo(void.class);
    assertThat(load("com.amazonaws.services.lambda.runtime.RequestStreamHandler"))
        .isAssignableFrom(handler);
    assertThat(AdapterContract.AWS_HANDLER).isEqualTo(handler.getName() + "::handleRequest");
  }

  @Test
  void cloudFunctionsEntryPointsImplementTheirSignatures() throws Exception {
    assertThat(load("com.google.cloud.functions.CloudEventsFunction"))
        .isAssignableFrom(load(AdapterContract.GCP_EVENTS_ENTRY_POINT));
    assertThat(load("com.google.cloud.functions.HttpFunction"))
        .isAssignableFrom(load(AdapterContract.GCP_HTTP_ENTRY_POINT));
  }

  @Test
  void functionModulesBuildWithTheseExtensions() {
    assertThat(
            DeployDirectory.readFile(DeployDirectory.repository().resolve("functions-aws/pom.xml")))
        .contains("<artifactId>quarkus-amazon-lambda</artifactId>");
    assertThat(
            DeployDirectory.readFile(DeployDirectory.repository().resolve("functions-gcp/pom.xml")))
        .contains("<artifactId>quarkus-google-cloud-functions</artifactId>");
  }

  private static Class<?> load(String name) throws ClassNotFoundException {
    return Class.forName(name, false, EntryPointsTest.class.getClassLoader());
  }
}
