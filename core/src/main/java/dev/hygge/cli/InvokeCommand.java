package dev.hygge.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.config.Project;
import dev.hygge.invoke.RunListener;
import dev.hygge.invoke.events.Cloud;
import dev.hygge.invoke.events.EventOutcome;
import dev.hygge.invoke.events.EventOutcomeView;
import dev.hygge.invoke.events.EventParser;
import dev.hygge.invoke.events.EventRunner;
import dev.hygge.invoke.events.ParsedEvent;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hygge invoke --event FILE}: replays a recorded cloud event through a function's code. */
@Command(
    name = "invoke",
    mixinStandardHelpOptions = true,
    description = {
      "Replay a recorded cloud event (S3, EventBridge, SQS, SNS, Cloud Storage, Pub/Sub,"
          + " Event Grid, Storage Queue, or a run message) through exactly the code a function"
          + " runs.",
      "Exit codes: 0 every delivery ran or was ignored, 1 a delivery failed, 2 configuration"
          + " error or an event no shape fits."
    })
final class InvokeCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;
  @Mixin ProjectOption project;

  @Option(
      names = "--event",
      required = true,
      paramLabel = "FILE",
      description = "The event payload, as the function receives it (JSON, or base64 JSON).")
  Path event;

  @Option(
      names = "--cloud",
      paramLabel = "CLOUD",
      description = "Try only this cloud's event shapes: aws, gcp or azure. Default: detect.")
  String cloud;

  @Option(names = "--json", description = "Print the per-delivery outcome as JSON, for machines.")
  boolean json;

  @Option(names = "--verbose", description = "Log debug detail.")
  boolean verbose;

  @Override
  public Integer call() {
    Logging.configure(verbose);
    PrintWriter out = spec.commandLine().getOut();
    Optional<Cloud> only = Optional.ofNullable(cloud).map(Cloud::of);
    byte[] payload = read(event);
    Project loaded = project.load();
    Logging.projectLevel(loaded.options().logLevel(), verbose);
    ParsedEvent parsed = EventParser.parse(payload, only);
    if (!json) {
      out.printf(
          "hygge: replaying %s from %s: %d %s%n",
          parsed.shape(),
          event,
          parsed.deliveries().size(),
          parsed.deliveries().size() == 1 ? "delivery" : "deliveries");
      out.flush();
    }
    EventOutcome outcome = new EventRunner(loaded).run(parsed, RunListener.NONE);
    if (json) {
      printJson(outcome, out);
    } else {
      DeliveryTable.print(outcome, out);
    }
    return outcome.succeeded() ? ExitCodes.OK : ExitCodes.ENTITY_FAILED;
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new HyggeException(
          ErrorKind.CONFIG,
          "Cannot read the event file " + file + " (" + e + "): check the path given to --event.",
          e);
    }
  }

  private static void printJson(EventOutcome outcome, PrintWriter out) {
    try {
      out.println(
          JSON.writerWithDefaultPrettyPrinter().writeValueAsString(EventOutcomeView.of(outcome)));
    } catch (JsonProcessingException e) {
      throw new HyggeException(
          ErrorKind.INTERNAL, "Cannot write the event outcome as JSON: " + e.getMessage(), e);
    }
    out.flush();
  }
}
