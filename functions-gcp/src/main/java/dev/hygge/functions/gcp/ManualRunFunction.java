package dev.hygge.functions.gcp;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.config.ProjectLoader;
import dev.hygge.invoke.FlowInvoker;
import dev.hygge.invoke.Invocation;
import dev.hygge.invoke.ManualRun;
import dev.hygge.invoke.RunReportView;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The HTTP Cloud Function for a manual run: a JSON body {@code {"flow": "sales", "entity":
 * "orders"}} in, the run report out (200, also when an entity failed). A bad request or invalid
 * project answers 400 with {@code {"error": message}}.
 */
@Singleton
public final class ManualRunFunction implements HttpFunction {
  private static final String JSON = "application/json";

  private final ObjectMapper mapper;
  private final Path projectDir;

  ManualRunFunction(
      ObjectMapper mapper,
      @ConfigProperty(name = "hygge.project", defaultValue = ".") String projectDir) {
    this.mapper = mapper;
    this.projectDir = Path.of(projectDir);
  }

  @Override
  public void service(HttpRequest request, HttpResponse response) throws IOException {
    response.setContentType(JSON);
    try {
      Invocation invocation = ManualRun.invocationOf(read(request));
      RunReportView report =
          RunReportView.of(new FlowInvoker(ProjectLoader.load(projectDir)).invoke(invocation));
      mapper.writeValue(response.getOutputStream(), report);
    } catch (HyggeException e) {
      if (e.kind() != ErrorKind.CONFIG) {
        throw e;
      }
      response.setStatusCode(HttpURLConnection.HTTP_BAD_REQUEST);
      mapper.writeValue(response.getOutputStream(), Map.of("error", e.getMessage()));
    }
  }

  private ManualRun read(HttpRequest request) throws IOException {
    try {
      return mapper.readValue(request.getInputStream(), ManualRun.class);
    } catch (JacksonException e) {
      throw HyggeException.config(
          "The request body is not a manual run ("
              + e.getOriginalMessage()
              + "): send JSON like "
              + ManualRun.EXAMPLE
              + ".");
    }
  }
}
