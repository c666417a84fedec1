package dev.rollupstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import dev.rollupstudio.ui.shell.Screen;
import dev.rollupstudio.ui.shell.ShellViewModel;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Headless (Monocle): the window opens with the AtlantaFX theme and every screen can be reached from the sidebar. */
@ExtendWith(ApplicationExtension.class)
class ShellWindowTest {

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        stage.setTitle(StudioApp.TITLE);
        stage.setScene(StudioApp.scene());
        stage.show();
    }

    @Test
    void everyScreenIsReachableFromTheSidebar(FxRobot robot) {
        assertThat(robot.lookup("#screenTitle").queryAs(Label.class).getText()).isEqualTo("Composer");
        for (Screen s : Screen.values()) {
            robot.clickOn("#nav-" + s.name().toLowerCase());
            assertThat(robot.lookup("#screenTitle").queryAs(Label.class).getText()).isEqualTo(s.title);
            assertThat(robot.lookup("#screenHeadline").queryAs(Label.class).getText()).isEqualTo(s.headline);
        }
        assertThat(robot.lookup("#status").queryAs(Label.class).getText()).contains("Embedded runtime ready");
    }

    @Test
    void viewModelSwitchesScreensWithoutAWindow() {
        ShellViewModel vm = new ShellViewModel();
        assertThat(vm.screenProperty().get()).isEqualTo(Screen.COMPOSER);
        vm.show(Screen.EXPLORER);
        assertThat(vm.screenProperty().get()).isEqualTo(Screen.EXPLORER);
    }
}
