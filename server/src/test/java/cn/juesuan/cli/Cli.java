package cn.juesuan.cli;

import cn.juesuan.layout.ProfileRegistry;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** Runs Main in-process and keeps what it printed. */
record Cli(int code, String out, String err, byte[] outBytes) {
    static Cli run(String... args) {
        return run(ProfileRegistry::fromEnvironment, args);
    }

    static Cli run(Supplier<ProfileRegistry> registry, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), registry);
        return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), out.toByteArray());
    }

    @Override
    public String toString() {
        return "exit " + code + "\n--- out\n" + out + "\n--- err\n" + err;
    }
}
