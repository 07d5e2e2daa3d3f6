package dev.hygge.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shapes of credentials that must never be committed in a deployment file: cloud access keys,
 * private keys, storage account keys, SAS signatures, literal passwords and connection strings. An
 * expression that computes a value at deploy time ({@code AccountKey=${...listKeys()...}}) is not a
 * secret in the file and does not match.
 */
final class SecretPatterns {
  private static final Map<String, Pattern> PATTERNS =
      Map.of(
          "AWS access key id", Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"),
          "AWS secret access key",
              Pattern.compile(
                  "(?i)secret_?access_?key\\s*[:=]\\s*['\"]?[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+])"),
          "private key", Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----"),
          "Google service account key", Pattern.compile("\"private_key(?:_id)?\"\\s*:"),
          "Azure storage account key",
              Pattern.compile("(?i)AccountKey=(?!\\$\\{)[A-Za-z0-9+/]{20,}={0,2}"),
          "Azure SAS signature",
              Pattern.compile(
                  "(?i)(?:[?&;]sig=|SharedAccessSignature=)(?!\\$\\{)[A-Za-z0-9%+/=]{16,}"),
          "Application Insights key",
              Pattern.compile(
                  "(?i)InstrumentationKey=(?!\\$\\{)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}"),
          "literal password",
              Pattern.compile(
                  "(?i)\\b(?:password|passwd|pwd)\\b\\s*[:=]\\s*['\"][^'\"$\\s{}]{4,}['\"]"));

  private SecretPatterns() {}

  /** One description per secret found, naming the kind and where: "label:line: kind". */
  static List<String> find(String label, String text) {
    List<String> found = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      for (Map.Entry<String, Pattern> pattern : PATTERNS.entrySet()) {
        Matcher matcher = pattern.getValue().matcher(lines[i]);
        if (matcher.find()) {
          found.add(label + ":" + (i + 1) + ": " + pattern.getKey());
        }
      }
    }
    return found;
  }
}
