package dev.hygge.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns one flow of the canonical tree into a {@link FlowConfig} with all its entities bound. */
final class FlowAssembler {
  private FlowAssembler() {}

  /**
   * @param projectDefaults the project's validated {@code defaults:}
   */
  static FlowConfig assemble(
      Path root,
      String name,
      YamlNode.Entry flow,
      Map<String, ConfigValue> projectDefaults,
      ValueResolver resolver,
      EntityAssembler entities) {
    YamlNode.Mapping body = (YamlNode.Mapping) flow.value();
    Origin origin = flow.keyOrigin();
    String block = "flow " + name;
    StructureKeys.checkKnown(body, StructureKeys.FLOW, block);
    String prefix = StructureKeys.FLOWS + "." + name;

    Map<String, ConfigValue> inherited = new LinkedHashMap<>(projectDefaults);
    inherited.putAll(
        ProjectLoader.runSettings(
            root,
            StructureKeys.mapping(body, StructureKeys.DEFAULTS, block),
            origin,
            prefix + "." + StructureKeys.DEFAULTS,
            "defaults of " + block,
            resolver));
    runType(root, body, prefix, block, origin, resolver)
        .ifPresent(v -> inherited.put(RunSettings.RUN_TYPE, v));

    YamlNode.Mapping declared = (YamlNode.Mapping) body.value(StructureKeys.ENTITIES).orElseThrow();
    List<EntityConfig> loaded = new ArrayList<>();
    if (declared.entries().isEmpty()) {
      loaded.add(
          entities.assemble(
              new EntityScope(name, body, origin, false, name, Optional.empty(), origin),
              inherited));
    }
    for (Map.Entry<String, YamlNode.Entry> entity : declared.entries().entrySet()) {
      YamlNode.Mapping entityBody = (YamlNode.Mapping) entity.getValue().value();
      loaded.add(
          entities.assemble(
              new EntityScope(
                  name,
                  body,
                  origin,
                  true,
                  entity.getKey(),
                  Optional.of(entityBody),
                  entity.getValue().keyOrigin()),
              inherited));
    }
    return new FlowConfig(name, origin, loaded);
  }

  private static Optional<ConfigValue> runType(
      Path root,
      YamlNode.Mapping body,
      String prefix,
      String block,
      Origin origin,
      ValueResolver resolver) {
    YamlNode.Mapping only =
        body.entry(RunSettings.RUN_TYPE)
            .map(e -> new YamlNode.Mapping(Map.of(RunSettings.RUN_TYPE, e), body.origin()))
            .orElse(YamlNode.Mapping.empty(origin));
    List<Setting> declared =
        RunSettings.ALL.stream().filter(s -> s.name().equals(RunSettings.RUN_TYPE)).toList();
    Map<String, ConfigValue> values = resolver.block(prefix, only, declared);
    Settings.validate(block, origin, root, declared, values, resolver.secretValues());
    return Optional.ofNullable(values.get(RunSettings.RUN_TYPE));
  }
}
