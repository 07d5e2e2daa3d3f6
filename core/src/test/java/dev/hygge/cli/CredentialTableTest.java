package dev.hygge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hygge.storage.AccessCheck;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How {@code hygge debug --credentials} prints a check whose detail has one step a line. */
class CredentialTableTest {
  @Test
  void eachStepOfACheckGetsItsOwnIndentedLine() {
    StringWriter text = new StringWriter();
    AccessCheck failed =
        new AccessCheck(
            "ambient",
            "azure_ad/default",
            "az://lake/orders",
            List.of("sales.orders"),
            false,
            "token: default gave no token for https://storage.azure.com/.default\n"
                + "  EnvironmentCredential: Environment variables are not fully configured.\n"
                + "  AzureCliCredential: Azure CLI not installed.");

    boolean ok = new CredentialTable(new PrintWriter(text, true)).print(List.of(failed));

    assertThat(ok).isFalse();
    assertThat(text.toString().lines())
        .containsSubsequence(
            "  FAILED  ambient    azure_ad/default  az://lake/orders",
            "           used by sales.orders",
            "           token: default gave no token for https://storage.azure.com/.default",
            "             EnvironmentCredential: Environment variables are not fully configured.",
            "             AzureCliCredential: Azure CLI not installed.");
  }
}
