package dev.hygge.functions.azure;

import static java.util.Objects.requireNonNull;

import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A hand-written Azure Functions HTTP request with a JSON body, and the response its builder makes.
 * It stands in for the Functions host, which does not run here: the host would build the same
 * request from an HTTP call and send the built response back.
 */
final class HandWrittenHttpRequest implements HttpRequestMessage<Optional<String>> {
  private final Optional<String> body;

  HandWrittenHttpRequest(Optional<String> body) {
    this.body = requireNonNull(body, "body is null");
  }

  @Override
  public URI getUri() {
    return URI.create("http://localhost/api/ManualRun");
  }

  @Override
  public HttpMethod getHttpMethod() {
    return HttpMethod.POST;
  }

  @Override
  public Map<String, String> getHeaders() {
    return Map.of("content-type", "application/json");
  }

  @Override
  public Map<String, String> getQueryParameters() {
    return Map.of();
  }

  @Override
  public Optional<String> getBody() {
    return body;
  }

  @Override
  public HttpResponseMessage.Builder createResponseBuilder(HttpStatus status) {
    return new ResponseBuilder(status);
  }

  @Override
  public HttpResponseMessage.Builder createResponseBuilder(HttpStatusType status) {
    return new ResponseBuilder(status);
  }

  /** Collects status, headers and body into a {@link Response}. */
  private static final class ResponseBuilder implements HttpResponseMessage.Builder {
    private HttpStatusType status;
    private final Map<String, String> headers = new HashMap<>();
    private Object body;

    ResponseBuilder(HttpStatusType status) {
      this.status = requireNonNull(status, "status is null");
    }

    @Override
    public HttpResponseMessage.Builder status(HttpStatusType status) {
      this.status = requireNonNull(status, "status is null");
      return this;
    }

    @Override
    public HttpResponseMessage.Builder header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    @Override
    public HttpResponseMessage.Builder body(Object body) {
      this.body = body;
      return this;
    }

    @Override
    public HttpResponseMessage build() {
      return new Response(status, Map.copyOf(headers), body);
    }
  }

  /** A built response. */
  private record Response(HttpStatusType status, Map<String, String> headers, Object body)
      implements HttpResponseMessage {
    @Override
    public HttpStatusType getStatus() {
      return status;
    }

    @Override
    public String getHeader(String name) {
      return headers.get(name);
    }

    @Override
    public Object getBody() {
      return body;
    }
  }
}
