package dev.hygge.credentials.azure;

import com.azure.identity.AzureCliCredentialBuilder;
import com.azure.identity.AzureDeveloperCliCredentialBuilder;
import com.azure.identity.AzurePowerShellCredentialBuilder;
import com.azure.identity.CredentialBuilderBase;
import com.azure.identity.EnvironmentCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import com.azure.identity.WorkloadIdentityCredentialBuilder;
import dev.hygge.credentials.NamedCredential;
import java.util.List;

/**
 * The credentials DefaultAzureCredential tries, in its order, built one by one with the same
 * options and keys, so a failing chain can be reported step by step: azure-identity stops at the
 * first credential that fails outright and reports only that one.
 */
final class DefaultChainSteps {
  private final EntraOptions options;

  DefaultChainSteps(EntraOptions options) {
    this.options = options;
  }

  List<ChainStep> of(NamedCredential credential) {
    String tenant = credential.value(EntraCredentials.TENANT_ID).orElse(null);
    String client = credential.value(EntraCredentials.CLIENT_ID).orElse(null);
    return List.of(
        new ChainStep(
            "EnvironmentCredential",
            () -> {
              EnvironmentCredentialBuilder builder = transport(new EnvironmentCredentialBuilder());
              options.authorityHost().ifPresent(builder::authorityHost);
              return builder.build();
            }),
        new ChainStep(
            "WorkloadIdentityCredential",
            () -> {
              WorkloadIdentityCredentialBuilder builder =
                  transport(new WorkloadIdentityCredentialBuilder());
              options.authorityHost().ifPresent(builder::authorityHost);
              if (tenant != null) {
                builder.tenantId(tenant);
              }
              if (client != null) {
                builder.clientId(client);
              }
              return builder.build();
            }),
        new ChainStep(
            "ManagedIdentityCredential",
            () -> {
              ManagedIdentityCredentialBuilder builder =
                  transport(new ManagedIdentityCredentialBuilder());
              return client == null ? builder.build() : builder.clientId(client).build();
            }),
        new ChainStep(
            "AzureCliCredential",
            () -> {
              AzureCliCredentialBuilder builder = transport(new AzureCliCredentialBuilder());
              return tenant == null ? builder.build() : builder.tenantId(tenant).build();
            }),
        new ChainStep(
            "AzurePowerShellCredential",
            () -> {
              AzurePowerShellCredentialBuilder builder =
                  transport(new AzurePowerShellCredentialBuilder());
              return tenant == null ? builder.build() : builder.tenantId(tenant).build();
            }),
        new ChainStep(
            "AzureDeveloperCliCredential",
            () -> transport(new AzureDeveloperCliCredentialBuilder()).tenantId(tenant).build()));
  }

  private <T extends CredentialBuilderBase<T>> T transport(T builder) {
    options.httpClient().ifPresent(builder::httpClient);
    options.configuration().ifPresent(builder::configuration);
    return builder;
  }
}
