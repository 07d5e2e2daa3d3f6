package dev.hygge.functions.azure;

import static java.util.Objects.requireNonNull;

import com.microsoft.azure.functions.annotation.EventGridTrigger;
import com.microsoft.azure.functions.annotation.FunctionName;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The Event Grid-triggered Azure Function {@code BlobCreated}: a {@code
 * Microsoft.Storage.BlobCreated} event of the landing account (Event Grid or CloudEvents schema)
 * loads that blob into the entities that read it, once however often it is delivered. Other event
 * types are ignored. It throws only when a retry can help, so Event Grid delivers the event again.
 */
public final class BlobCreatedFunction {
  /** The function's name, as the Event Grid subscription and the host know it. */
  public static final String NAME = "BlobCreated";

  private final AzureEventHandler handler;

  BlobCreatedFunction(AzureEventHandler handler) {
    this.handler = requireNonNull(handler, "handler is null");
  }

  /** Loads the blob the event names. */
  @FunctionName(NAME)
  public void run(@EventGridTrigger(name = "event") String event) {
    Instant started = Instant.now();
    handler.handle(NAME, event.getBytes(StandardCharsets.UTF_8), started);
  }
}
