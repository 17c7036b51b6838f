// The aws/azure oneOf of getAccountDetails with its cloudProvider discriminator: narrowing on the
// discriminator must reach each variant's own fields.
import type { AccountDetails } from "./generated/kubb/types/AccountDetails";

export function networkOf(details: AccountDetails): string | undefined {
  if (details.cloudProvider === "aws") return details.vpcId;
  return details.virtualNetworkName;
}
