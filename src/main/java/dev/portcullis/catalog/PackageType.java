package dev.portcullis.catalog;

/** Package ecosystems, named as their package URL types are. */
public enum PackageType {
    DEB("deb"),
    APK("apk"),
    RPM("rpm"),
    NPM("npm"),
    MAVEN("maven"),
    PYPI("pypi"),
    GOLANG("golang"),
    GEM("gem"),
    CARGO("cargo"),
    COMPOSER("composer"),
    NUGET("nuget"),
    GENERIC("generic");

    private final String purlType;

    PackageType(String purlType) {
        this.purlType = purlType;
    }

    public String purlType() {
        return purlType;
    }
}
