package dev.rollupstudio.cli;

import dev.rollupstudio.app.About;
import picocli.CommandLine.IVersionProvider;

final class Version implements IVersionProvider {
    @Override public String[] getVersion() {
        return new String[] {"rollup-studio " + About.version()};
    }
}
