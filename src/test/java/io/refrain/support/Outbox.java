package io.refrain.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads the mails the server wrote to its outbox directory (mail is delivered asynchronously). */
public final class Outbox {

    private static final Pattern CODE = Pattern.compile("Your code is: (\\d{6})");

    private final Path dir;

    public Outbox(Path dir) {
        this.dir = dir;
    }

    /** All mails to {@code email}, oldest first. */
    public List<String> mailsTo(String email) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        String needle = email.replaceAll("[^A-Za-z0-9@._-]", "_");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(
                            p -> p.toString().endsWith(".eml") && addressOf(p).equals(needle))
                    .sorted()
                    .map(Outbox::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits (up to 5 s) until at least {@code count} mails to {@code email} exist. */
    public List<String> awaitMails(String email, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<String> mails = mailsTo(email);
        while (mails.size() < count && System.nanoTime() < deadline) {
            sleep();
            mails = mailsTo(email);
        }
        if (mails.size() < count) {
            throw new AssertionError("expected " + count + " mails to " + email + ", found " + mails.size());
        }
        return mails;
    }

    /** The code in the newest mail to {@code email}, waiting for the first mail if needed. */
    public String awaitCode(String email) {
        return code(awaitMails(email, 1).getLast());
    }

    /** Waits for the {@code n}-th mail (1-based) and returns its code. */
    public String awaitCode(String email, int n) {
        return code(awaitMails(email, n).get(n - 1));
    }

    public static String code(String mail) {
        Matcher m = CODE.matcher(mail);
        if (!m.find()) {
            throw new AssertionError("no code in mail:\n" + mail);
        }
        return m.group(1);
    }

    /** File names are {@code <time>-<address>-<random>.eml}; the whole address, so "a@x" is not found in "b-a@x". */
    private static String addressOf(Path file) {
        String name = file.getFileName().toString();
        int first = name.indexOf('-');
        int last = name.lastIndexOf('-');
        return first < 0 || last <= first ? "" : name.substring(first + 1, last);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
