import com.microsoft.azure.functions.spi.inject.FunctionInstanceInjector;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;

/**
 * Does what the Azure Functions Java worker does with a packaged function on its first call, in a
 * fresh JVM: finds the app's FunctionInstanceInjector (Quarkus starts in its constructor), gets the
 * function's instance and calls its entry point with a payload in a request context, as the app's
 * middleware does. Prints one JSON line of
 * milliseconds: JVM start to main, the injector (Quarkus start), the first call, and the total
 * from JVM start to the first response. The host's and the worker's own start are not included.
 */
public final class ColdStart {
  private ColdStart() {}

  public static void main(String[] args) throws Exception {
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    long main = System.currentTimeMillis();
    String entryPoint = args[0];
    String payload = Files.readString(Path.of(args[1]));
    int dot = entryPoint.lastIndexOf('.');
    Class<?> type = Class.forName(entryPoint.substring(0, dot));
    Method method = type.getMethod(entryPoint.substring(dot + 1), String.class);

    FunctionInstanceInjector injector =
        ServiceLoader.load(FunctionInstanceInjector.class).findFirst().orElseThrow();
    long started = System.currentTimeMillis();
    // The worker calls through the app's middleware, which activates the request context.
    ManagedContext request = Arc.container().requestContext();
    request.activate();
    try {
      method.invoke(injector.getInstance(type), payload);
    } finally {
      request.terminate();
    }
    long responded = System.currentTimeMillis();

    System.out.printf(
        "{\"jvmToMainMs\": %d, \"quarkusStartMs\": %d, \"firstCallMs\": %d, \"totalMs\": %d}%n",
        main - jvmStart, started - main, responded - started, responded - jvmStart);
    System.exit(0);
  }
}
