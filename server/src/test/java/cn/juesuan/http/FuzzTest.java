package cn.juesuan.http;

import cn.juesuan.codes.CodeCatalogue;
import cn.juesuan.core.JuesuanException;
import cn.juesuan.rules.Validator;
import cn.juesuan.support.BadInputs;
import cn.juesuan.support.Fixtures;
import io.javalin.testtools.JavalinTest;
import okhttp3.MediaType;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static cn.juesuan.http.HttpApiTest.assertError;
import static cn.juesuan.http.HttpBadInputTest.assertHealthy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Mutates a valid workbook thousands of times — random byte flips in the zip, random edits of the sheets' XML — and
 * validates each through the core entry point the server uses: the only outcomes allowed are a report or a
 * JuesuanException with a 4xx. A few hundred go through real HTTP (4xx or 200, never 500), and afterwards the server
 * still answers and no request worker is left running. The seed is printed and can be fixed with -Djuesuan.fuzz.seed.
 */
class FuzzTest {
    private static final int CORE_MUTATIONS = Integer.getInteger("juesuan.fuzz.core", 2000);
    private static final int HTTP_MUTATIONS = Integer.getInteger("juesuan.fuzz.http", 200);
    private static final Pattern ELEMENT = Pattern.compile("<(c|row|v|f|si|t|mergeCell|sheet|col)\\b[^>]*?(/>|>.*?</\\1>)", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final String[] ODD_VALUES = {"", "-1", "0", "A0", "XFD1048577", "1048577", "s", "e", "str", "inlineStr",
            "99999999999999999999", "NaN", "1E308", "b", "n", "d", "A1:XFD1048576", "表1!A1", "#REF!", "　"};

    private final byte[] valid = BadInputs.valid();
    private final Map<String, byte[]> entries = unzip(valid);

    @Test
    void mutatedWorkbooksGiveAReportOrA4xx() {
        long seed = Long.getLong("juesuan.fuzz.seed", System.nanoTime());
        System.out.println("fuzz seed " + seed + " (rerun with -Djuesuan.fuzz.seed=" + seed + ")");
        Random random = new Random(seed);
        Validator validator = new Validator(Fixtures.registry(), CodeCatalogue.load(Fixtures.registry().root()));
        Map<String, Integer> outcomes = new TreeMap<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < CORE_MUTATIONS; i++) {
            byte[] mutated = mutate(random);
            String outcome;
            try {
                validator.validate(mutated, null);
                outcome = "report";
            } catch (JuesuanException e) {
                if (e.status() < 400 || e.status() >= 500) {
                    fail("seed " + seed + ", mutation " + i + ": status " + e.status() + " " + e.code(), e);
                }
                outcome = e.status() + " " + e.code();
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("seed " + seed + ", mutation " + i + ": " + e, e);
            }
            outcomes.merge(outcome, 1, Integer::sum);
        }
        System.out.printf("fuzz: %d mutations through the validator in %.1f s: %s%n", CORE_MUTATIONS,
                (System.nanoTime() - t0) / 1e9, outcomes);
        assertTrue(outcomes.getOrDefault("report", 0) > 0 && outcomes.size() > 3, "mutations reach both ends: " + outcomes);

        Random http = new Random(seed + 1);
        JavalinTest.test(HttpApp.create(ServerConfig.defaults(Fixtures.registry())), (server, client) -> {
            for (int i = 0; i < HTTP_MUTATIONS; i++) {
                byte[] mutated = mutate(http);
                String path = i % 2 == 0 ? HttpApp.VALIDATE : HttpApp.READ;
                try (Response r = HttpApiTest.post(client, path, mutated, MediaType.get(HttpApp.XLSX))) {
                    if (r.code() != 200) {
                        assertTrue(r.code() >= 400 && r.code() < 500, "seed " + seed + ", HTTP mutation " + i + ": " + r.code());
                        assertError(r, r.code(), code(r));
                    }
                }
            }
            assertHealthy(client);
            HttpLimitsTest.awaitNoBusyWorkers(java.time.Duration.ofSeconds(5));
        });
        System.out.printf("fuzz: %d more through HTTP; %.1f s in all%n", HTTP_MUTATIONS, (System.nanoTime() - t0) / 1e9);
    }

    /** The code of an error response, read without consuming the body assertError reads. */
    private static String code(Response r) throws IOException {
        return cn.juesuan.model.Json.MAPPER.readTree(r.peekBody(1 << 20).string()).path("code").asText();
    }

    private byte[] mutate(Random random) {
        return random.nextInt(4) > 0 ? flipBytes(random) : editXml(random); // XML edits mostly open: they cost a validation
    }

    /** 1–8 random bytes of the zip replaced (headers, compressed data or the directory alike). */
    private byte[] flipBytes(Random random) {
        byte[] b = valid.clone();
        int n = 1 + random.nextInt(8);
        for (int i = 0; i < n; i++) {
            b[random.nextInt(b.length)] ^= (byte) (1 + random.nextInt(255));
        }
        return b;
    }

    /** One sheet's (or the shared strings') XML edited: elements deleted or doubled, attribute values replaced, text cut. */
    private byte[] editXml(Random random) {
        List<String> parts = new ArrayList<>(entries.keySet().stream()
                .filter(n -> n.startsWith("xl/worksheets/sheet") || n.equals(BadInputs.SHARED_STRINGS) || n.equals("xl/workbook.xml")).toList());
        String part = parts.get(random.nextInt(parts.size()));
        String xml = new String(entries.get(part), StandardCharsets.UTF_8);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            xml = switch (random.nextInt(4)) {
                case 0 -> elementEdit(xml, random, false);
                case 1 -> elementEdit(xml, random, true);
                case 2 -> attributeEdit(xml, random);
                default -> xml.substring(0, random.nextInt(xml.length() + 1)); // truncated
            };
        }
        return BadInputs.replace(valid, part, xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String elementEdit(String xml, Random random, boolean duplicate) {
        List<int[]> spans = spans(ELEMENT.matcher(xml), 400);
        if (spans.isEmpty()) {
            return xml;
        }
        int[] s = spans.get(random.nextInt(spans.size()));
        String element = xml.substring(s[0], s[1]);
        return xml.substring(0, s[0]) + (duplicate ? element + element : "") + xml.substring(s[1]);
    }

    private static String attributeEdit(String xml, Random random) {
        List<int[]> spans = spans(ATTRIBUTE.matcher(xml), 2000);
        if (spans.isEmpty()) {
            return xml;
        }
        int[] s = spans.get(random.nextInt(spans.size()));
        String name = xml.substring(s[0], xml.indexOf('=', s[0]));
        String value = random.nextInt(3) == 0 ? Integer.toString(random.nextInt(2_000_000) - 1000)
                : ODD_VALUES[random.nextInt(ODD_VALUES.length)];
        return xml.substring(0, s[0]) + name + "=\"" + value + "\"" + xml.substring(s[1]);
    }

    private static List<int[]> spans(Matcher m, int most) {
        List<int[]> out = new ArrayList<>();
        while (out.size() < most && m.find()) {
            out.add(new int[]{m.start(), m.end()});
        }
        return out;
    }

    private static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertEquals(true, out.containsKey(BadInputs.SHEET1));
        return out;
    }
}
