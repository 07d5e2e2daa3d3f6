package dev.hygge.config;

import static java.util.Objects.requireNonNull;

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
 */
public record Project(Path root, String name, ProjectOptions options, List<FlowConfig> flows) {
  public Project {
    requireNonNull(root, "root is null");
    requireNonNull(name, "name is null");
    requireNonNull(options, "options is null");
    flows = List.copyOf(requireNonNull(flows, "flows is null"));
  }

  /** The flow with this name. */
  public Optional<FlowConfig> flow(String name) {
    return flows.stream().filter(f -> f.name().equals(name)).findFirst();
  }
}
