// The aws/azure oneOf of getAccountDetails with its cloudProvider discriminator: narrowing on the
// discriminator must reach each variant's own fields.
import type { components } from "./generated/ours/atlas";

export function networkOf(details: components["schemas"]["AccountDetails"]): string | undefined {
  if (details.cloudProvider === "aws") return details.vpcId;
  return details.virtualNetworkName;
}
