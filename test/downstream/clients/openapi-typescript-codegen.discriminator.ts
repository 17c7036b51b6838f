// The aws/azure oneOf of getAccountDetails with its cloudProvider discriminator: narrowing on the
// discriminator must reach each variant's own fields.
import type { AccountDetailsModel } from "./generated/openapi-typescript-codegen";

export function networkOf(details: AccountDetailsModel): string | undefined {
  if (details.cloudProvider === "aws") return details.vpcId;
  return details.virtualNetworkName;
}
