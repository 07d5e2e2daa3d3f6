package dev.hygge.config;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.credentials.Credentials;
import dev.hygge.flow.Home;
import dev.hygge.flow.HomeType;
import dev.hygge.flow.Registry;
import dev.hygge.flow.Store;
import dev.hygge.flow.StoreType;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns one entity into an {@link EntityConfig}: run settings inherited entity &gt; flow &gt;
 * project, home and store validated against their types and bound.
 */
final class EntityAssembler {
  private final Path root;
  private final Registry registry;
  private final ValueResolver resolver;
  private final Credentials credentials;

  EntityAssembler(Path root, Registry registry, ValueResolver resolver, Credentials credentials) {
    this.root = root;
    this.registry = registry;
    this.resolver = resolver;
    this.credentials = credentials;
  }

  /**
   * @param inherited the run settings the flow gives (already merged over the project's)
   */
  EntityConfig assemble(EntityScope scope, Map<String, ConfigValue> inherited) {
    String block = "entity " + scope.qualifiedName();
    Map<String, ConfigValue> run = new LinkedHashMap<>(inherited);
    scope
        .entityBody()
        .ifPresent(
            body -> {
              StructureKeys.checkKnown(body, StructureKeys.ENTITY, block);
              YamlNode.Mapping inline =
                  body.without(StructureKeys.NAME)
                      .without(StructureKeys.HOME)
                      .without(StructureKeys.STORE);
              Map<String, ConfigValue> own =
                  resolver.block(scope.entityPrefix(), inline, RunSettings.ALL);
              Settings.validate(
                  block, scope.entityOrigin(), root, RunSettings.ALL, own, resolver.secretValues());
              run.putAll(own);
            });
    Settings settings =
        Settings.validate(
            "run settings of " + block,
            scope.entityOrigin(),
            root,
            RunSettings.ALL,
            run,
            resolver.secretValues());

    PipeBlock.Resolved home =
        new PipeBlock(StructureKeys.HOME, resolver)
            .resolve(
                scope,
                (type, where) -> registry.home(type, where).settings(),
                () -> registry.homes().stream().map(HomeType::name).toList());
    HomeType homeType = registry.home(home.type(), home.typeOrigin());
    Settings homeSettings = validate(scope, StructureKeys.HOME, home, homeType.settings());
    Home bound = create(scope, StructureKeys.HOME, home, homeSettings, homeType::create);

    PipeBlock.Resolved store =
        new PipeBlock(StructureKeys.STORE, resolver)
            .resolve(
                scope,
                (type, where) -> registry.store(type, where).settings(),
                () -> registry.stores().stream().map(StoreType::name).toList());
    StoreType storeType = registry.store(store.type(), store.typeOrigin());
    Settings storeSettings = validate(scope, StructureKeys.STORE, store, storeType.settings());
    Store storeBound = create(scope, StructureKeys.STORE, store, storeSettings, storeType::create);

    RunType runType = settings.choice(RunSettings.RUN_TYPE, RunType.class);
    List<String> columns = settings.list(RunSettings.COLUMNS);
    return new EntityConfig(
        scope.flow(),
        scope.entity(),
        scope.entityOrigin(),
        home.type(),
        bound,
        homeSettings,
        store.type(),
        storeBound,
        storeSettings,
        runType,
        columns,
        settings.positiveInteger(RunSettings.BATCH_SIZE),
        settings.positiveInteger(RunSettings.QUEUE_DEPTH),
        WatermarkRunSettings.read(settings, runType, bound, home.type(), columns));
  }

  private Settings validate(
      EntityScope scope, String kind, PipeBlock.Resolved resolved, List<Setting> declared) {
    try {
      return Settings.validate(
          kind + " '" + resolved.type() + "' of entity " + scope.qualifiedName(),
          resolved.origin(),
          root,
          declared,
          resolved.values(),
          credentials,
          resolver.secretValues());
    } catch (HyggeException e) {
      throw SecretValues.redact(e, resolved.values(), resolver.secretValues());
    }
  }

  private <T> T create(
      EntityScope scope,
      String kind,
      PipeBlock.Resolved resolved,
      Settings settings,
      Function<Settings, T> factory) {
    try {
      return factory.apply(settings);
    } catch (HyggeException e) {
      throw SecretValues.redact(e, resolved.values(), resolver.secretValues());
    } catch (RuntimeException e) {
      String message = String.valueOf(e.getMessage());
      String reason = SecretValues.mask(message, resolved.values(), resolver.secretValues());
      String text =
          "Cannot set up "
              + kind
              + " '"
              + resolved.type()
              + "' of entity "
              + scope.qualifiedName()
              + " at "
              + resolved.origin()
              + ": "
              + reason;
      if (!reason.equals(message)) {
        // The cause's message holds a secret: keep its stack trace, not the cause.
        HyggeException redacted = new HyggeException(ErrorKind.CONFIG, text);
        redacted.setStackTrace(e.getStackTrace());
        throw redacted;
      }
      throw new HyggeException(ErrorKind.CONFIG, text, e);
    }
  }
}
