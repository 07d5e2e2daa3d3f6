package dev.hygge.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a Terraform root module (every {@code *.tf} file of a directory) and what can be read
 * from it without providers: declared and used variables, locals, resources and data sources, and
 * top-level blocks. Relies on {@code terraform fmt} layout (top-level blocks start and end in
 * column 0).
 */
record TerraformConfiguration(String text) {
  private static final Pattern VARIABLE = Pattern.compile("(?m)^variable\\s+\"([\\w-]+)\"");
  private static final Pattern VARIABLE_USE = Pattern.compile("\\bvar\\.(\\w+)");
  private static final Pattern BLOCK =
      Pattern.compile("(?m)^(resource|data)\\s+\"(\\w+)\"\\s+\"([\\w-]+)\"\\s*\\{");
  private static final Pattern LOCALS = Pattern.compile("(?m)^locals\\s*\\{\\n((?:.*\\n)*?)^}");
  private static final Pattern LOCAL = Pattern.compile("(?m)^ {2}(\\w+)\\s*=");
  private static final Pattern LOCAL_USE = Pattern.compile("\\blocal\\.(\\w+)");
  // A reference to a managed resource: TYPE.NAME, where TYPE is a provider's resource type.
  private static final Pattern RESOURCE_USE =
      Pattern.compile("(?<![\\w.\"/-])((?:google|terraform)_\\w+)\\.([\\w-]+)\\b");
  private static final Pattern DATA_USE = Pattern.compile("\\bdata\\.(\\w+)\\.([\\w-]+)\\b");

  /** Every {@code *.tf} file under a directory of {@code deploy/}, concatenated. */
  static TerraformConfiguration read(String relativeDir) {
    StringBuilder text = new StringBuilder();
    for (Path file : DeployDirectory.files(relativeDir, ".tf")) {
      text.append(DeployDirectory.readFile(file)).append('\n');
    }
    return new TerraformConfiguration(text.toString());
  }

  Set<String> declaredVariables() {
    return matches(VARIABLE, text, 1);
  }

  Set<String> usedVariables() {
    return matches(VARIABLE_USE, text, 1);
  }

  Set<String> declaredLocals() {
    Set<String> names = new LinkedHashSet<>();
    Matcher block = LOCALS.matcher(text);
    while (block.find()) {
      names.addAll(matches(LOCAL, block.group(1), 1));
    }
    return names;
  }

  Set<String> usedLocals() {
    return matches(LOCAL_USE, text, 1);
  }

  /** "TYPE.NAME" of every managed resource. */
  Set<String> declaredResources() {
    return blockAddresses("resource");
  }

  /** "TYPE.NAME" of every data source. */
  Set<String> declaredDataSources() {
    return blockAddresses("data");
  }

  /** "TYPE.NAME" of every resource referenced in an expression. */
  Set<String> referencedResources() {
    Set<String> addresses = new LinkedHashSet<>();
    Matcher use = RESOURCE_USE.matcher(withoutDeclarations());
    while (use.find()) {
      addresses.add(use.group(1) + "." + use.group(2));
    }
    return addresses;
  }

  /** "TYPE.NAME" of every data source referenced in an expression. */
  Set<String> referencedDataSources() {
    Set<String> addresses = new LinkedHashSet<>();
    Matcher use = DATA_USE.matcher(text);
    while (use.find()) {
      addresses.add(use.group(1) + "." + use.group(2));
    }
    return addresses;
  }

  /** Every resource of a type, as "TYPE.NAME". */
  List<String> resourcesOfType(String type) {
    return declaredResources().stream().filter(a -> a.startsWith(type + ".")).toList();
  }

  /** The text of a top-level block, from its header to its closing brace. */
  String block(String kind, String... labels) {
    StringBuilder header = new StringBuilder("(?m)^").append(kind);
    for (String label : labels) {
      header.append("\\s+\"").append(Pattern.quote(label)).append('"');
    }
    header.append("\\s*\\{\\n(?:.*\\n)*?^}");
    Matcher block = Pattern.compile(header.toString()).matcher(text);
    if (!block.find()) {
      throw new NoSuchElementException("No " + kind + " " + String.join(".", labels));
    }
    return block.group();
  }

  private Set<String> blockAddresses(String kind) {
    Set<String> addresses = new LinkedHashSet<>();
    Matcher block = BLOCK.matcher(text);
    while (block.find()) {
      if (block.group(1).equals(kind)) {
        addresses.add(block.group(2) + "." + block.group(3));
      }
    }
    return addresses;
  }

  private String withoutDeclarations() {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      if (!BLOCK.matcher(line).lookingAt()) {
        lines.add(line);
      }
    }
    return String.join("\n", lines);
  }

  private static Set<String> matches(Pattern pattern, String text, int group) {
    Set<String> found = new LinkedHashSet<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(group));
    }
    return found;
  }
}
