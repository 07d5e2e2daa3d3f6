package dev.hygge.invoke.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A function package without a queue's SDK fails with a config error naming the dependency. hygge's
 * classes are loaded in a class loader that cannot see the SDK's package, as in such a package.
 */
class MissingQueueSdkTest {
  /** Defines hygge's classes itself and refuses one package; everything else from the parent. */
  private static final class WithoutPackage extends ClassLoader {
    private final String hidden;

    WithoutPackage(String hidden) {
      super(MissingQueueSdkTest.class.getClassLoader());
      this.hidden = hidden;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        if (name.startsWith(hidden)) {
          throw new ClassNotFoundException(name + " (hidden by the test)");
        }
        if (!name.startsWith("dev.hygge.")) {
          return super.loadClass(name, resolve);
        }
        Class<?> loaded = findLoadedClass(name);
        if (loaded != null) {
          return loaded;
        }
        try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
          if (in == null) {
            throw new ClassNotFoundException(name);
          }
          byte[] bytes = in.readAllBytes();
          return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  /** The error RunQueues.open throws, in {@code loader}, for a target made there. */
  private static Throwable errorOpening(ClassLoader loader, Object target) throws Exception {
    Class<?> settings = loader.loadClass("dev.hygge.invoke.fanout.FanOutSettings");
    Class<?> retry = loader.loadClass("dev.hygge.invoke.fanout.SendRetry");
    Object configured =
        settings
            .getConstructor(Optional.class, Optional.class, retry)
            .newInstance(
                Optional.of(target), Optional.empty(), retry.getMethod("defaults").invoke(null));
    Method open = loader.loadClass("dev.hygge.invoke.fanout.RunQueues").getMethod("open", settings);
    try {
      open.invoke(null, configured);
    } catch (InvocationTargetException e) {
      return e.getCause();
    }
    throw new AssertionError("RunQueues.open did not fail");
  }

  @Test
  void withoutTheSqsSdk() throws Exception {
    ClassLoader loader = new WithoutPackage("software.amazon.awssdk.services.sqs.");
    Object sqs =
        loader
            .loadClass("dev.hygge.invoke.fanout.FanOutTarget$Sqs")
            .getConstructors()[0]
            .newInstance("https://sqs.eu-west-1.amazonaws.com/123456789012/hygge-events");

    Throwable error = errorOpening(loader, sqs);

    assertThat(error.getClass().getName()).isEqualTo("dev.hygge.HyggeException");
    assertThat(error.getMessage())
        .isEqualTo(
            "Cannot send run messages to SQS queue"
                + " https://sqs.eu-west-1.amazonaws.com/123456789012/hygge-events: this package of"
                + " hygge leaves out software.amazon.awssdk:sqs. Add it to the function's build"
                + " (each function package has its own cloud's).");
  }

  @Test
  void withoutTheAzureQueueSdk() throws Exception {
    ClassLoader loader = new WithoutPackage("com.azure.storage.queue.");
    Object azure =
        loader
            .loadClass("dev.hygge.invoke.fanout.FanOutTarget$AzureQueue")
            .getConstructors()[0]
            .newInstance(
                "hygge-runs",
                "AzureWebJobsStorage",
                Optional.of("DefaultEndpointsProtocol=https;AccountName=a;AccountKey=a2V5"),
                Optional.empty());

    Throwable error = errorOpening(loader, azure);

    assertThat(error.getClass().getName()).isEqualTo("dev.hygge.HyggeException");
    assertThat(error.getMessage())
        .isEqualTo(
            "Cannot send run messages to Azure queue hygge-runs: this package of hygge leaves out"
                + " com.azure:azure-storage-queue (and com.azure:azure-identity for an"
                + " identity-based connection). Add it to the function's build (each function"
                + " package has its own cloud's).");
  }

  @Test
  void withoutGoogleAuthForPubSub() throws Exception {
    ClassLoader loader = new WithoutPackage("com.google.auth.");
    Object pubSub =
        loader
            .loadClass("dev.hygge.invoke.fanout.FanOutTarget$PubSub")
            .getConstructors()[0]
            .newInstance("projects/p/topics/hygge-runs");

    Throwable error = errorOpening(loader, pubSub);

    assertThat(error.getClass().getName()).isEqualTo("dev.hygge.HyggeException");
    assertThat(error.getMessage())
        .isEqualTo(
            "Cannot send run messages to Pub/Sub topic projects/p/topics/hygge-runs: this package"
                + " of hygge leaves out com.google.auth:google-auth-library-oauth2-http. Add it to"
                + " the function's build (each function package has its own cloud's).");
  }
}
