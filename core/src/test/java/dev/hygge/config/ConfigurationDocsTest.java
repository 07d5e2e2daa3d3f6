package dev.hygge.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hygge.flow.HomeType;
import dev.hygge.flow.Registry;
import dev.hygge.flow.StoreType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fails when a declared setting is missing from docs/configuration.md: every setting of the
 * project, options, run settings, flow and entity blocks, and of every built-in home and store
 * type, needs a table row naming it (in backticks) under its block's {@code ###} section.
 */
class ConfigurationDocsTest {
  private static final String HEADING = "### ";

  @Test
  void everyDeclaredSettingIsDocumented() throws IOException {
    assertThat(undocumented(Files.readString(docs()), Registry.standard())).isEmpty();
  }

  @Test
  void reportsMissingSectionsAndSettings() {
    String doc =
        String.join(
            "\n",
            "### hygge.yml",
            "| `name` | | |",
            "### Home: files",
            "| `path` | | |",
            "Mentions `format` outside a table.",
            "### Store: lake",
            "| `path` | | |");

    List<String> problems = undocumented(doc, TestTypes.registry());

    assertThat(problems)
        .contains(
            "hygge.yml: no row for `flows_dir`",
            "options: no section '### options'",
            "Home: files: no row for `format`",
            "Home: files: no row for `options`",
            "Store: lake: no row for `compression`",
            "Store: table: no section '### Store: table'")
        .doesNotContain("hygge.yml: no row for `name`", "Home: files: no row for `path`");
  }

  /** The documentation file, from the module or the repository root. */
  static Path docs() {
    Path fromModule = Path.of("..", "docs", "configuration.md");
    return Files.isRegularFile(fromModule) ? fromModule : Path.of("docs", "configuration.md");
  }

  /** Each problem as {@code section: what is missing}; empty when everything is documented. */
  static List<String> undocumented(String doc, Registry registry) {
    Map<String, List<Setting>> blocks = new LinkedHashMap<>();
    blocks.put("hygge.yml", StructureKeys.PROJECT);
    blocks.put("options", OptionSettings.ALL);
    blocks.put("state", StateSettings.ALL);
    blocks.put("defaults (run settings)", RunSettings.ALL);
    blocks.put("flow.yml", StructureKeys.FLOW);
    blocks.put("Entity files", StructureKeys.ENTITY);
    for (HomeType home : registry.homes()) {
      blocks.put("Home: " + home.name(), home.settings());
    }
    for (StoreType store : registry.stores()) {
      blocks.put("Store: " + store.name(), store.settings());
    }
    Map<String, String> sections = sections(doc);
    List<String> problems = new ArrayList<>();
    blocks.forEach(
        (title, settings) -> {
          String section = sections.get(title);
          if (section == null) {
            problems.add(title + ": no section '" + HEADING + title + "'");
            return;
          }
          for (Setting setting : settings) {
            if (!hasRow(section, setting.name())) {
              problems.add(title + ": no row for `" + setting.name() + "`");
            }
          }
        });
    return problems;
  }

  private static boolean hasRow(String section, String name) {
    return section
        .lines()
        .filter(line -> line.startsWith("|"))
        .anyMatch(line -> line.split("\\|")[1].contains("`" + name + "`"));
  }

  /** The text of each {@code ###} section, up to the next heading of level 3 or higher. */
  private static Map<String, String> sections(String doc) {
    Map<String, String> sections = new LinkedHashMap<>();
    String title = null;
    StringBuilder body = new StringBuilder();
    for (String line : doc.split("\n", -1)) {
      boolean heading = line.startsWith("# ") || line.startsWith("## ") || line.startsWith(HEADING);
      if (heading) {
        if (title != null) {
          sections.put(title, body.toString());
        }
        title = line.startsWith(HEADING) ? line.substring(HEADING.length()).trim() : null;
        body.setLength(0);
      } else {
        body.append(line).append('\n');
      }
    }
    if (title != null) {
      sections.put(title, body.toString());
    }
    return sections;
  }
}
