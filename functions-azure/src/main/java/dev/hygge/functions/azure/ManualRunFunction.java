package dev.hygge.functions.azure;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.invoke.FlowInvoker;
import dev.hygge.invoke.Invocation;
import dev.hygge.invoke.ManualRun;
import dev.hygge.invoke.RunReportView;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP-triggered Azure Function {@code ManualRun} (POST {@code /api/ManualRun}, function key)
 * for a manual run: a JSON body {@code {"flow": "sales", "entity": "orders"}} in, the run report
 * out (200, also when an entity failed). A bad request or invalid project answers 400 with {@code
 * {"error": message}}.
 */
public final class ManualRunFunction {
  /** The function's name, as the host knows it; also its route. */
  public static final String NAME = "ManualRun";

  private static final String CONTENT_TYPE = "Content-Type";
  private static final String JSON = "application/json";

  private final ObjectMapper mapper;
  private final FunctionProject project;

  ManualRunFunction(ObjectMapper mapper, FunctionProject project) {
    this.mapper = requireNonNull(mapper, "mapper is null");
    this.project = requireNonNull(project, "project is null");
  }

  /** Runs the requested flow (or entity) and answers with its report. */
  @FunctionName(NAME)
  public HttpResponseMessage run(
      @HttpTrigger(
              name = "request",
              methods = {HttpMethod.POST},
              authLevel = AuthorizationLevel.FUNCTION)
          HttpRequestMessage<Optional<String>> request)
      throws JsonProcessingException {
    try {
      Invocation invocation = ManualRun.invocationOf(read(request.getBody()));
      RunReportView report = RunReportView.of(new FlowInvoker(project.load()).invoke(invocation));
      return respond(request, HttpStatus.OK, report);
    } catch (HyggeException e) {
      if (e.kind() != ErrorKind.CONFIG) {
        throw e;
      }
      return respond(request, HttpStatus.BAD_REQUEST, Map.of("error", e.getMessage()));
    }
  }

  private ManualRun read(Optional<String> body) {
    try {
      return mapper.readValue(body.orElse(""), ManualRun.class);
    } catch (JacksonException e) {
      throw HyggeException.config(
          "The request body is not a manual run ("
              + e.getOriginalMessage()
              + "): send JSON like "
              + ManualRun.EXAMPLE
              + ".");
    }
  }

  private HttpResponseMessage respond(
      HttpRequestMessage<Optional<String>> request, HttpStatus status, Object body)
      throws JsonProcessingException {
    return request
        .createResponseBuilder(status)
        .header(CONTENT_TYPE, JSON)
        .body(mapper.writeValueAsString(body))
        .build();
  }
}
