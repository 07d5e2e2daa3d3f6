package dev.hygge.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretReferenceTest {
  private static final Set<String> HANDLERS = Set.of("aws-secrets", "azure-keyvault");

  @Test
  void findsEveryExpressionOfAKnownHandlerInOrder() {
    assertThat(
            SecretReference.findIn(
                "jdbc:postgresql://h/db?user=${azure-keyvault::kv/user}"
                    + "&password=${aws-secrets::prod/db#password}",
                HANDLERS))
        .containsExactly(
            new SecretReference("azure-keyvault", "kv/user"),
            new SecretReference("aws-secrets", "prod/db#password"));
  }

  @Test
  void leavesOutOtherHandlersVariablesEscapesAndNestedExpressions() {
    assertThat(
            SecretReference.findIn(
                "${vault::x} ${PG_PASSWORD} \\${aws-secrets::literal}"
                    + " ${aws-secrets::${ENV}/db}",
                HANDLERS))
        .isEmpty();
  }

  @Test
  void writesTheExpressionBack() {
    SecretReference reference = new SecretReference("aws-secrets", "prod/db#password");

    assertThat(reference.expression()).isEqualTo("${aws-secrets::prod/db#password}");
    assertThat(SecretReference.findIn(reference.expression(), HANDLERS))
        .isEqualTo(List.of(reference));
  }
}
