package dev.rollupstudio.cli;

import picocli.CommandLine.IVersionProvider;

final class Version implements IVersionProvider {
    @Override public String[] getVersion() {
        String v = Cli.class.getPackage().getImplementationVersion();
        return new String[] {"rollup-studio " + (v != null ? v : "dev")};
    }
}
