package dev.hygge.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of one Bicep file and what can be read from it without the Bicep compiler (which cannot
 * be had here): parameters (and whether they have a default), variables, modules and the parameters
 * passed to them, and which identifiers the code uses. Expects the layout {@code bicep format}
 * produces (declarations in column 0, two-space indents).
 */
record BicepFile(String relativePath, String text) {
  private static final Pattern PARAM = Pattern.compile("(?m)^param\\s+(\\w+)\\s+[^=\\n]+(=)?");
  private static final Pattern VAR = Pattern.compile("(?m)^var\\s+(\\w+)\\s*=");
  private static final Pattern MODULE = Pattern.compile("(?m)^module\\s+(\\w+)\\s+'([^']+)'");
  private static final Pattern DECLARATION =
      Pattern.compile("(?m)^(?:param|var|resource|module|output)\\s+(\\w+)\\b");
  private static final Pattern STRING = Pattern.compile("'(?:[^'\\\\\\n]|\\\\.)*'");
  private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([^}]*)}");
  private static final Pattern OBJECT_KEY = Pattern.compile("(?m)^\\s*\\w+:");

  static BicepFile read(String relativePath) {
    return new BicepFile(relativePath, DeployDirectory.read(relativePath));
  }

  /** Parameter names, each with whether it has a default value. */
  Map<String, Boolean> parameters() {
    Map<String, Boolean> parameters = new LinkedHashMap<>();
    Matcher param = PARAM.matcher(text);
    while (param.find()) {
      parameters.put(param.group(1), param.group(2) != null);
    }
    return parameters;
  }

  Set<String> variables() {
    Set<String> names = new LinkedHashSet<>();
    Matcher var = VAR.matcher(text);
    while (var.find()) {
      names.add(var.group(1));
    }
    return names;
  }

  /** Module symbolic names and the files they point at, relative to this file. */
  Map<String, String> modules() {
    Map<String, String> modules = new LinkedHashMap<>();
    Matcher module = MODULE.matcher(text);
    while (module.find()) {
      modules.put(module.group(1), module.group(2));
    }
    return modules;
  }

  /** The keys of the {@code params} object a module declaration passes. */
  Set<String> parametersPassedTo(String module) {
    Matcher header = Pattern.compile("(?m)^module\\s+" + module + "\\s").matcher(text);
    if (!header.find()) {
      throw new NoSuchElementException("No module " + module + " in " + relativePath);
    }
    int params = text.indexOf("\n  params: {\n", header.end());
    int end = text.indexOf("\n  }\n", params);
    Set<String> keys = new LinkedHashSet<>();
    Matcher key = Pattern.compile("(?m)^ {4}(\\w+):").matcher(text.substring(params, end));
    while (key.find()) {
      keys.add(key.group(1));
    }
    return keys;
  }

  /**
   * Whether the code uses an identifier: outside comments, decorators, string literals (but inside
   * their interpolations), object keys and its own declaration.
   */
  boolean uses(String identifier) {
    Pattern use = Pattern.compile("(?<![\\w.])" + Pattern.quote(identifier) + "\\b");
    return use.matcher(code()).find();
  }

  private String code() {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("//") || trimmed.startsWith("@")) {
        continue;
      }
      Matcher declaration = DECLARATION.matcher(line);
      String rest = declaration.lookingAt() ? line.substring(declaration.end()) : line;
      lines.add(OBJECT_KEY.matcher(stringsToInterpolations(rest)).replaceFirst(""));
    }
    return String.join("\n", lines);
  }

  private static String stringsToInterpolations(String line) {
    Matcher string = STRING.matcher(line);
    StringBuilder out = new StringBuilder();
    while (string.find()) {
      StringBuilder kept = new StringBuilder(" ");
      Matcher interpolation = INTERPOLATION.matcher(string.group());
      while (interpolation.find()) {
        kept.append(interpolation.group(1)).append(' ');
      }
      string.appendReplacement(out, Matcher.quoteReplacement(kept.toString()));
    }
    string.appendTail(out);
    return out.toString();
  }
}
