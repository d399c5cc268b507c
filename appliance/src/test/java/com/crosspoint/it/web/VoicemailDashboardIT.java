package com.crosspoint.it.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.crosspoint.media.wav.WavReader;
import com.crosspoint.media.wav.WavWriter;
import com.crosspoint.model.User;
import com.crosspoint.model.Voicemail;
import com.crosspoint.model.VoicemailFolder;
import com.crosspoint.testing.HarnessFiles;
import com.crosspoint.testing.web.Browser;
import com.crosspoint.testing.web.DashboardTestBase;
import com.crosspoint.testing.web.Dashboards;
import com.crosspoint.testing.web.Screenshots;
import com.crosspoint.voicemail.GreetingKind;
import com.crosspoint.voicemail.VoicemailService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

/**
 * The end-user dashboard's Voicemail view in headless Chromium against a real appliance: messages are left
 * the way the media server leaves them (a finished WavWriter file, then {@link VoicemailService#leave}).
 */
class VoicemailDashboardIT extends DashboardTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WEB_PASSWORD = "erin-web-password";

    private static User erin;
    private static Path files;

    @BeforeAll
    static void start() {
        start(pbx -> {
            pbx.user("1001", "Alice", "pw-alice-1001");
            erin = pbx.user("1005", "Erin", "pw-erin-1005");
            Dashboards.webPassword(pbx, erin, WEB_PASSWORD);
            files = HarnessFiles.tempDir("voicemail-web");
        });
    }

    @AfterAll
    static void cleanUpFiles() {
        if (files != null) {
            HarnessFiles.cleanUp(files);
        }
    }

    @Test
    void aMessageLeftWhileThePageIsOpenAppearsLivePlaysInThePageIsHeardDownloadsAndIsDeleted() throws Exception {
        VoicemailService voicemail = pbx.appliance().voicemail();
        web.loginUser("1005", WEB_PASSWORD);
        web.show("voicemail");
        browser.awaitText("#voicemail-table tbody tr.empty", "No voicemail.");
        assertThat(browser.isDisplayed("#voicemail-new")).isFalse();
        browser.js("window.__noReload = 'same page';");

        // Left while the page is open: it appears without a reload, with the badge.
        Path recording = voicemail.newRecording(erin);
        writeTone(recording, 2 * 8000, 1000);
        Voicemail left = voicemail.leave(erin, "1001", "Alice", recording, 2000);
        String row = "#voicemail-table tr[data-voicemail-id='" + left.id() + "']";
        browser.awaitTextContains(row, "Alice");
        browser.awaitText("#voicemail-new", "1");
        assertThat(browser.text(row + " .vm-caller")).contains("Alice", "1001");
        assertThat(browser.text(row + " .vm-duration")).isEqualTo("0:02");
        assertThat(browser.text(row + " .vm-state")).isEqualTo("New");
        assertThat(browser.all("#voicemail-table tbody tr.empty")).isEmpty();
        assertThat(browser.js("return window.__noReload;")).as("no reload").isEqualTo("same page");
        assertThat(browser.unlabelledControls()).as("inputs without a label").isEmpty();

        // The play control shows the player. With playback refused (as an autoplay policy may), nothing
        // played: the message stays new.
        browser.js("""
                window.__realPlay = HTMLMediaElement.prototype.play;
                HTMLMediaElement.prototype.play = function () {
                  return Promise.reject(new DOMException('refused by the test', 'NotAllowedError'));
                };
                """);
        browser.find(row + " button.play").sendKeys(Keys.ENTER); // a button: the keyboard works it
        String audio = "#voicemail-player-" + left.id() + " audio";
        browser.awaitElement(audio);
        assertThat(browser.attribute(audio, "src")).isEqualTo(web.base() + "/api/v1/me/voicemails/" + left.id() + "/audio");
        assertThat(browser.attribute(row + " button.play", "aria-expanded")).isEqualTo("true");
        assertThat(browser.attribute(row + " button.play", "aria-controls")).isEqualTo("voicemail-player-" + left.id());
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) browser.asyncJs("""
                const [selector, done] = arguments;
                const a = document.querySelector(selector);
                const report = () => done({duration: a.duration, error: a.error ? a.error.code : null});
                if (a.readyState >= 1) report();
                else {
                  a.addEventListener('loadedmetadata', report, {once: true});
                  a.addEventListener('error', report, {once: true});
                }
                """, audio);
        assertThat(metadata.get("error")).as("media error").isNull();
        assertThat(((Number) metadata.get("duration")).doubleValue()).isCloseTo(2.0, within(0.05));
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3))
                .until(() -> "1".equals(browser.text("#voicemail-new")));
        assertThat(browser.text(row + " .vm-state")).isEqualTo("New");
        assertThat(folderFromApi(left.id())).isEqualTo("NEW");

        // Playing it for real (muted) marks it heard: row, badge, the API and the store agree.
        Object played = browser.asyncJs("""
                const [selector, done] = arguments;
                HTMLMediaElement.prototype.play = window.__realPlay;
                const a = document.querySelector(selector);
                a.__sameElement = 'yes';
                a.muted = true;
                a.play().then(() => done('playing')).catch((e) => done(e.name + ': ' + e.message));
                """, audio);
        assertThat(played).isEqualTo("playing");
        await().atMost(Browser.WAIT).until(() ->
                ((Number) browser.js("return document.querySelector(arguments[0]).currentTime;", audio)).doubleValue() > 0.1);
        browser.awaitText(row + " .vm-state", "Heard");
        browser.awaitText("#voicemail-new", "");
        assertThat(browser.isDisplayed("#voicemail-new")).isFalse();
        assertThat(folderFromApi(left.id())).isEqualTo("SAVED");
        assertThat(voicemail.message(erin.id(), left.id()).folder()).isEqualTo(VoicemailFolder.SAVED);
        assertThat(voicemail.counts(erin.id()).newMessages()).isZero();
        // The frame the save caused did not tear down the player that was playing.
        assertThat(browser.js("return document.querySelector(arguments[0]).__sameElement;", audio)).isEqualTo("yes");
        browser.js("document.querySelector(arguments[0]).pause();", audio);

        // The download link: the same recording, as audio/wav, byte for byte as long as the file.
        assertThat(browser.attribute(row + " a.download", "download")).isEqualTo("voicemail-" + left.id() + ".wav");
        @SuppressWarnings("unchecked")
        Map<String, Object> download = (Map<String, Object>) browser.asyncJs("""
                const [selector, done] = arguments;
                fetch(document.querySelector(selector).href, {credentials: 'same-origin'})
                  .then(async (r) => done({status: r.status, type: r.headers.get('Content-Type'),
                                           length: (await r.arrayBuffer()).byteLength}))
                  .catch((e) => done({status: -1, type: String(e), length: -1}));
                """, row + " a.download");
        assertThat(download.get("status")).isEqualTo(200L);
        assertThat((String) download.get("type")).startsWith("audio/wav");
        assertThat(((Number) download.get("length")).longValue()).isEqualTo(Files.size(recording));

        // A second message, from outside the tenant (no extension), goes on top as new.
        Path outside = voicemail.newRecording(erin);
        writeTone(outside, 3 * 8000, 600);
        Voicemail second = voicemail.leave(erin, null, "+49 30 1234567", outside, 3000);
        String secondRow = "#voicemail-table tr[data-voicemail-id='" + second.id() + "']";
        browser.awaitTextContains(secondRow, "+49 30 1234567");
        browser.awaitText("#voicemail-new", "1");
        assertThat(browser.attribute("#voicemail-table tbody tr:first-child", "data-voicemail-id"))
                .isEqualTo(String.valueOf(second.id()));
        assertThat(browser.text(secondRow + " .vm-duration")).isEqualTo("0:03");
        assertThat(browser.text(row + " .vm-state")).isEqualTo("Heard");
        Screenshots.save(browser, "web-user-voicemail.png");

        // Delete asks first: cancelled, nothing happens; confirmed, the row and the file go.
        browser.click(row + " button.delete");
        browser.dismissConfirm();
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> browser.exists(row));
        assertThat(Files.exists(recording)).isTrue();
        browser.click(row + " button.delete");
        browser.acceptConfirm();
        browser.awaitGone(row);
        browser.awaitGone(audio);
        browser.awaitText("#status", "Message deleted");
        assertThat(Files.exists(recording)).as("recording removed").isFalse();
        assertThat(voicemail.all(erin.id())).extracting(Voicemail::id).containsExactly(second.id());
        assertThat(browser.fetchStatus("GET", "/api/v1/me/voicemails/" + left.id() + "/audio", null, null)).isEqualTo(404);
        assertThat(browser.exists(secondRow)).isTrue();
        assertThat(browser.text("#voicemail-new")).isEqualTo("1");

        assertThat(browser.consoleMessages()).as("console").noneMatch((m) -> m.contains("Content Security Policy")
                || m.contains("Uncaught"));

        // Phone width: the page itself does not scroll sideways.
        browser.viewport(390, 844);
        try {
            browser.visible(secondRow + " button.play");
            Number overflow = (Number) browser.js(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow.intValue()).as(() -> "horizontal overflow at 390 px, from " + browser.js("""
                    return Array.from(document.querySelectorAll('body *'))
                      .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                      .slice(0, 8).map((e) => e.tagName + '#' + e.id + '.' + e.className + ' '
                        + Math.round(e.getBoundingClientRect().width)).join(', ');
                    """)).isLessThanOrEqualTo(0);
            // Every control of the row is on screen, not scrolled out of the table.
            Number hidden = (Number) browser.js("""
                    const wrap = document.querySelector('#voicemail-table').parentElement.getBoundingClientRect();
                    return Array.from(document.querySelectorAll(arguments[0] + ' .row-actions > *'))
                      .filter((c) => c.getBoundingClientRect().right > wrap.right + 0.5).length;
                    """, secondRow);
            assertThat(hidden.intValue()).as("row controls cut off at 390 px").isZero();
            Number tableOverflow = (Number) browser.js(
                    "const w = document.querySelector('#voicemail-table').parentElement; return w.scrollWidth - w.clientWidth;");
            assertThat(tableOverflow.intValue()).as(() -> "the table scrolls sideways at 390 px: " + browser.js("""
                    const wrap = document.querySelector('#voicemail-table').parentElement.getBoundingClientRect();
                    return Array.from(document.querySelectorAll('#voicemail-table *'))
                      .filter((e) => e.getBoundingClientRect().right > wrap.right + 0.5)
                      .slice(0, 8).map((e) => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().left)
                        + '+' + Math.round(e.getBoundingClientRect().width)).join(', ') + ' wrap ' + JSON.stringify(wrap);
                    """)).isLessThanOrEqualTo(0);
            Screenshots.save(browser, "web-user-voicemail-phone-width.png");
        } finally {
            browser.size(1280, 900);
        }
    }

    @Test
    void greetingsAreUploadedAsWavThroughTheFileInputAndAWrongFormatIsRefusedWithItsReason() throws Exception {
        VoicemailService voicemail = pbx.appliance().voicemail();
        web.loginUser("1005", WEB_PASSWORD);
        web.show("voicemail");
        browser.awaitText("#greeting-busy-state", "Default greeting");
        assertThat(browser.text("#greeting-unavailable-state")).isEqualTo("Default greeting");
        assertThat(browser.find("#greeting-busy-remove").isEnabled()).isFalse();

        Path good = files.resolve("busy-8k-mono.wav");
        writeTone(good, 12_000, 440); // 1.5 s at 8 kHz mono
        browser.find("#greeting-busy-file").sendKeys(good.toAbsolutePath().toString());
        browser.click("#greeting-busy-upload");
        browser.awaitText("#greeting-busy-state", "Custom greeting");
        browser.awaitText("#status", "Busy greeting saved");
        Path busy = voicemail.greeting(erin, GreetingKind.BUSY).orElseThrow();
        assertThat(WavReader.read(busy).samples()).hasSize(12_000);
        assertThat(voicemail.greeting(erin, GreetingKind.UNAVAILABLE)).isEmpty();
        assertThat(browser.text("#greeting-unavailable-state")).isEqualTo("Default greeting");
        assertThat(browser.find("#greeting-busy-remove").isEnabled()).isTrue();
        byte[] kept = Files.readAllBytes(busy);

        // CD audio: refused with what was found, shown in #status and at the input; nothing changes.
        Path cd = files.resolve("cd-44k-stereo.wav");
        writePcm(cd, 44_100, 2, 44_100 * 3 / 2);
        browser.find("#greeting-busy-file").sendKeys(cd.toAbsolutePath().toString());
        browser.click("#greeting-busy-upload");
        browser.awaitTextContains("#status", "44100");
        assertThat(browser.text("#status")).startsWith("Busy greeting not saved");
        assertThat(browser.attribute("#greeting-busy-file", "aria-invalid")).isEqualTo("true");
        assertThat(browser.text("#greeting-busy-file-error")).contains("44100");
        assertThat(browser.text("#greeting-busy-state")).isEqualTo("Custom greeting");
        assertThat(Files.readAllBytes(voicemail.greeting(erin, GreetingKind.BUSY).orElseThrow())).isEqualTo(kept);
        browser.find("#greeting-unavailable-file").sendKeys(cd.toAbsolutePath().toString());
        browser.click("#greeting-unavailable-upload");
        browser.awaitTextContains("#status", "Unavailable greeting not saved");
        assertThat(browser.text("#status")).contains("44100");
        assertThat(voicemail.greeting(erin, GreetingKind.UNAVAILABLE)).isEmpty();
        assertThat(browser.text("#greeting-unavailable-state")).isEqualTo("Default greeting");

        // The state comes from the appliance: a reload shows it again.
        browser.reload();
        web.awaitDashboard("/user/");
        browser.visible("#view-voicemail");
        browser.awaitText("#greeting-busy-state", "Custom greeting");
        assertThat(browser.text("#greeting-unavailable-state")).isEqualTo("Default greeting");

        browser.click("#greeting-busy-remove");
        browser.acceptConfirm();
        browser.awaitText("#greeting-busy-state", "Default greeting");
        assertThat(voicemail.greeting(erin, GreetingKind.BUSY)).isEmpty();
    }

    @Test
    void thePinIsCheckedAndSaved() {
        VoicemailService voicemail = pbx.appliance().voicemail();
        web.loginUser("1005", WEB_PASSWORD);
        web.show("voicemail");
        browser.awaitText("#vm-pin-state", "No PIN yet");
        assertThat(browser.attribute("#vm-pin", "type")).isEqualTo("password");
        assertThat(browser.attribute("#vm-pin", "inputmode")).isEqualTo("numeric");

        browser.type("#vm-pin", "12a");
        browser.click("#vm-pin-save");
        browser.awaitTextContains("#status", "New PIN (4 to 10 digits): ");
        assertThat(browser.attribute("#vm-pin", "aria-invalid")).isEqualTo("true");
        assertThat(browser.text("#vm-pin-error")).isEqualTo("must be 4 to 10 digits");
        assertThat(browser.text("#vm-pin-state")).isEqualTo("No PIN yet");
        assertThat(voicemail.hasPin(erin.id())).isFalse();

        browser.type("#vm-pin", "2468");
        browser.click("#vm-pin-save");
        browser.awaitText("#status", "PIN saved");
        browser.awaitText("#vm-pin-state", "PIN set");
        assertThat(browser.attribute("#vm-pin", "aria-invalid")).isNull();
        assertThat(browser.exists("#vm-pin-error")).isFalse();
        assertThat(browser.attribute("#vm-pin", "value")).isEmpty();
        assertThat(voicemail.checkPin(erin.id(), "2468")).isTrue();
        assertThat(voicemail.checkPin(erin.id(), "1234")).isFalse();
    }

    /** GET /api/v1/me/voicemails from the page: the folder of one message. */
    private static String folderFromApi(long id) throws IOException {
        Map<String, Object> answer = browser.fetch("GET", "/api/v1/me/voicemails", null, null);
        assertThat(answer.get("status")).isEqualTo(200L);
        for (JsonNode m : JSON.readTree(answer.get("body").toString()).get("messages")) {
            if (m.get("id").asLong() == id) {
                return m.get("folder").asText();
            }
        }
        throw new AssertionError("no voicemail " + id + " in " + answer.get("body"));
    }

    /** A finished 8 kHz mono recording of a sine tone, as the media server writes one. */
    private static void writeTone(Path target, int samples, double hertz) throws IOException {
        short[] pcm = new short[samples];
        for (int i = 0; i < samples; i++) {
            pcm[i] = (short) Math.round(8000 * Math.sin(2 * Math.PI * hertz * i / 8000.0));
        }
        try (WavWriter writer = WavWriter.create(target)) {
            writer.write(pcm);
            writer.finish();
        }
    }

    /** A 16-bit PCM WAV of any rate and channel count (a tone in every channel). */
    private static void writePcm(Path target, int rate, int channels, int frames) throws IOException {
        int data = frames * channels * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + data).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + data).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
        b.put("data".getBytes()).putInt(data);
        for (int i = 0; i < frames; i++) {
            short s = (short) Math.round(8000 * Math.sin(2 * Math.PI * 440 * i / (double) rate));
            for (int c = 0; c < channels; c++) {
                b.putShort(s);
            }
        }
        Files.write(target, b.array());
    }
}
