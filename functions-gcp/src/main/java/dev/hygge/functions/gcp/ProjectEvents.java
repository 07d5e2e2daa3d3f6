package dev.hygge.functions.gcp;

import static java.util.Objects.requireNonNull;

import dev.hygge.config.ProjectLoader;
import dev.hygge.flow.TimeBudget;
import dev.hygge.invoke.events.EventOutcome;
import dev.hygge.invoke.events.EventRunner;
import dev.hygge.invoke.events.ParsedEvent;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Runs the deliveries of an event on the hygge project, loaded at every invocation. */
@Singleton
public class ProjectEvents {
  private final Path projectDir;
  private final FunctionTimeout timeout;

  ProjectEvents(
      @ConfigProperty(name = "hygge.project", defaultValue = ".") String projectDir,
      FunctionTimeout timeout) {
    this.projectDir = Path.of(projectDir);
    this.timeout = requireNonNull(timeout, "timeout is null");
  }

  /** Runs the deliveries within {@code remaining}, less the configured margin. */
  public EventOutcome handle(ParsedEvent event, Duration remaining) {
    return new EventRunner(ProjectLoader.load(projectDir))
        .run(event, TimeBudget.remaining(remaining, timeout.margin()));
  }
}
