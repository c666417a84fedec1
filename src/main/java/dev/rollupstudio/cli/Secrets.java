package dev.rollupstudio.cli;

import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reading secrets for the `wallet` commands: from a file the user names, or typed at the terminal
 * without echo. Never from a flag's value, and no message here repeats what was read.
 */
final class Secrets {
    private Secrets() {}

    /** The password: the file's first line, or asked for at the terminal. */
    static String password(Path file, String prompt) {
        if (file != null) return fileLine(file, "--password-file");
        return hidden(prompt, "there is no terminal to ask for the password; give --password-file FILE (its first line is the password)");
    }

    /** A secret typed at the terminal without echo; {@code noTerminal} says what to do instead when there is none. */
    static String hidden(String prompt, String noTerminal) {
        Console c = System.console();
        if (c == null) throw new IllegalArgumentException(noTerminal);
        char[] p = c.readPassword(prompt);
        if (p == null || p.length == 0) throw new IllegalArgumentException("nothing was given");
        return new String(p);
    }

    /** A line the user types (echoed): at the terminal, or the next line of standard input. */
    static String line(String prompt) {
        Console c = System.console();
        if (c != null) {
            String l = c.readLine(prompt);
            if (l == null) throw new IllegalArgumentException("no answer was given; nothing was saved");
            return l;
        }
        System.out.print(prompt);
        System.out.flush();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            for (int b = System.in.read(); b != '\n'; b = System.in.read()) {
                if (b < 0) {
                    if (line.size() == 0) throw new IllegalArgumentException("no answer was given; nothing was saved");
                    break;
                }
                line.write(b);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("could not read the answer: " + e.getMessage());
        }
        System.out.println();
        return line.toString(StandardCharsets.UTF_8).strip();
    }

    static String fileLine(Path file, String flag) {
        String text = fileText(file, flag);
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).strip();
    }

    static String fileText(Path file, String flag) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException(flag + ": cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }
}
