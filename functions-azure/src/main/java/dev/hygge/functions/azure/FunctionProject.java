package dev.hygge.functions.azure;

import dev.hygge.config.Project;
import dev.hygge.config.source.ProjectSource;
import dev.hygge.config.source.ProjectSourceSettings;
import dev.hygge.config.source.ProjectSources;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;

/**
 * The project the functions run ({@code HYGGE_PROJECT}: a directory in the package, or an
 * object-storage URL fetched once per process and re-fetched when its {@code hygge.yml} changes),
 * loaded at every invocation so a changed project takes effect without a redeployment.
 */
@ApplicationScoped
public class FunctionProject {
  private final ProjectSource source;

  FunctionProject(Config config) {
    this.source = ProjectSources.shared(ProjectSourceSettings.from(config));
  }

  /**
   * Loads the project.
   *
   * @throws dev.hygge.HyggeException of kind CONFIG naming the location or the file when the
   *     project cannot be fetched or is invalid
   */
  public Project load() {
    return source.load();
  }
}
