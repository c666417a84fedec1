package dev.rollupstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.spec.Catalog;
import dev.rollupstudio.spec.Component;
import dev.rollupstudio.ui.shell.Screen;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kordamp.ikonli.feather.Feather;

/** Every icon key the catalog and the screens name exists in the Feather pack. */
class IconsTest {

    @Test
    void everyIconKeyResolves() {
        List<String> keys = new ArrayList<>();
        for (Component c : Catalog.standard().all()) keys.add(c.iconKey());
        for (Screen s : Screen.values()) keys.add(s.icon);
        List<String> missing = keys.stream().filter(k -> {
            try {
                Feather.findByDescription(k);
                return false;
            } catch (IllegalArgumentException e) {
                return true;
            }
        }).toList();
        assertThat(missing).isEmpty();
    }
}
