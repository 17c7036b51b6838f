// The aws/azure oneOf of getAccountDetails with its cloudProvider discriminator: narrowing on the
// discriminator must reach each variant's own fields.
import type { AccountDetailsRead } from "./generated/oazapfts/api";

export function networkOf(details: AccountDetailsRead): string | undefined {
  if (details.cloudProvider === "aws") return details.vpcId;
  return details.virtualNetworkName;
}
