package dev.hygge.config;

import static java.util.Objects.requireNonNull;

import dev.hygge.credentials.Credentials;
import dev.hygge.state.StateConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A loaded, validated hygge project.
 *
 * @param root the project directory (where {@code hygge.yml} is)
 * @param name the project's name
 * @param options project-wide options
 * @param flows the flows in declaration order
 * @param state where entity state and run history are kept ({@code state:})
 * @param credentials the named credentials of {@code credentials:}
 */
public record Project(
    Path root,
    String name,
    ProjectOptions options,
    List<FlowConfig> flows,
    StateConfig state,
    Credentials credentials) {
  public Project {
    requireNonNull(root, "root is null");
    requireNonNull(name, "name is null");
    requireNonNull(options, "options is null");
    flows = List.copyOf(requireNonNull(flows, "flows is null"));
    requireNonNull(state, "state is null");
    requireNonNull(credentials, "credentials is null");
  }

  /** A project keeping its state in the default directory, without named credentials. */
  public Project(Path root, String name, ProjectOptions options, List<FlowConfig> flows) {
    this(root, name, options, flows, StateConfig.defaults(root), Credentials.none());
  }

  /** The flow with this name. */
  public Optional<FlowConfig> flow(String name) {
    return flows.stream().filter(f -> f.name().equals(name)).findFirst();
  }
}
