export declare const PACKAGE_NAME = "atlas-admin-openapi";
export interface PackageInfo {
    name: string;
    version: string;
}
export declare function packageInfo(): PackageInfo;
//# sourceMappingURL=package-info.d.ts.map