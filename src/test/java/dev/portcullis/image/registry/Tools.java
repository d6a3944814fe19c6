package dev.portcullis.image.registry;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs command-line tools that tests need, failing with their output when they fail. */
final class Tools {

    private Tools() {}

    static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + exit + ":\n" + output);
        }
        return output;
    }
}
