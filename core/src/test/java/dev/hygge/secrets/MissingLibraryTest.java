package dev.hygge.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The secret managers' SDKs are optional: with none of them on the class path (as in a function
 * artifact), the standard managers still load, and using one fails naming the dependency to add.
 * hygge's classes are loaded here by a class loader that hides the three SDKs.
 */
class MissingLibraryTest {
  private static final List<String> HIDDEN =
      List.of("software.amazon.awssdk.", "com.google.auth.", "com.azure.");

  @Test
  void usingAManagerWhoseLibraryIsMissingNamesTheDependency() throws Exception {
    ClassLoader withoutSdks = new WithoutSdks(getClass().getClassLoader());
    Class<?> endpoints = withoutSdks.loadClass(SecretEndpoints.class.getName());
    Class<?> managers = withoutSdks.loadClass(SecretManagers.class.getName());
    Object standard =
        managers
            .getMethod("standard", endpoints)
            .invoke(null, endpoints.getMethod("standard").invoke(null));
    Method open = managers.getMethod("open", String.class);

    for (String handler : List.of("aws-secrets", "gcp-secrets", "azure-keyvault")) {
      assertThatThrownBy(() -> unwrap(() -> open.invoke(standard, handler)))
          .hasFieldOrPropertyWithValue(
              "class", withoutSdks.loadClass(SecretFetchException.class.getName()))
          .hasMessageStartingWith("${" + handler + "::...} needs ")
          .hasMessageEndingWith(" on the class path");
    }
    assertThatThrownBy(() -> unwrap(() -> open.invoke(standard, "aws-secrets")))
        .hasMessage(
            "${aws-secrets::...} needs software.amazon.awssdk:secretsmanager on the class path");
    assertThat(withoutSdks.loadClass(SecretFetchException.class.getName()))
        .isNotSameAs(SecretFetchException.class);
  }

  /** Runs a reflective call and rethrows what the called method threw. */
  private static void unwrap(ReflectiveCall call) throws Throwable {
    try {
      call.run();
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @FunctionalInterface
  private interface ReflectiveCall {
    void run() throws ReflectiveOperationException;
  }

  /** Loads hygge's classes itself, hides the SDKs, and delegates everything else. */
  private static final class WithoutSdks extends ClassLoader {
    WithoutSdks(ClassLoader parent) {
      super(parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        if (HIDDEN.stream().anyMatch(name::startsWith)) {
          throw new ClassNotFoundException(name + " is hidden by this test");
        }
        if (!name.startsWith("dev.hygge.")) {
          return super.loadClass(name, resolve);
        }
        Class<?> loaded = findLoadedClass(name);
        if (loaded == null) {
          loaded = define(name);
        }
        if (resolve) {
          resolveClass(loaded);
        }
        return loaded;
      }
    }

    private Class<?> define(String name) throws ClassNotFoundException {
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
