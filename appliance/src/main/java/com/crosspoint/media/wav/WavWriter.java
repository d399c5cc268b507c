package com.crosspoint.media.wav;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Streams 16-bit PCM 8 kHz mono (a recording, a voicemail) into a WAVE file that appears under its final name
 * only when complete: samples go to a temporary file in the target directory, and {@link #finish()} patches the
 * header, forces the bytes to disk and atomically renames. A crash at any point leaves at most a temporary file,
 * never a partial file under the final name, so a voicemail is committed before the caller is told.
 *
 * <p>Not thread-safe: one writer belongs to one media session.
 */
public final class WavWriter implements AutoCloseable {
    static final int HEADER_BYTES = 44;
    private static final String TEMPORARY_SUFFIX = ".part";
    private static final long MAX_DATA_BYTES = 0xFFFF_FFFFL - (HEADER_BYTES - 8);
    private static final int BUFFER_SAMPLES = 4096;

    private final Path target;
    private final Path temporary;
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SAMPLES * 2).order(ByteOrder.LITTLE_ENDIAN);
    private long samplesWritten;
    private State state = State.OPEN;

    private enum State { OPEN, FINISHED, ABORTED }

    private WavWriter(Path target, Path temporary, FileChannel channel) {
        this.target = target;
        this.temporary = temporary;
        this.channel = channel;
    }

    /**
     * Starts a recording that will become {@code target}. The temporary file sits next to it (same directory,
     * so the rename is atomic on one file system) and is hidden by a leading dot.
     */
    public static WavWriter create(Path target) throws IOException {
        Objects.requireNonNull(target, "target");
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Path temporary = Files.createTempFile(directory, "." + absolute.getFileName() + ".", TEMPORARY_SUFFIX);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
            WavWriter writer = new WavWriter(absolute, temporary, channel);
            writer.writeFully(header(0));
            return writer;
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    /** Appends {@code len} samples from {@code pcm[off]}. */
    public void write(short[] pcm, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, pcm.length);
        requireOpen();
        if ((samplesWritten + len) * 2 > MAX_DATA_BYTES) {
            throw new IOException("WAVE file would exceed 4 GiB: " + target);
        }
        int done = 0;
        while (done < len) {
            int chunk = Math.min(len - done, BUFFER_SAMPLES);
            buffer.clear();
            for (int i = 0; i < chunk; i++) {
                buffer.putShort(pcm[off + done + i]);
            }
            buffer.flip();
            writeFully(buffer);
            done += chunk;
        }
        samplesWritten += len;
    }

    /** Appends a whole frame. */
    public void write(short[] pcm) throws IOException {
        write(pcm, 0, pcm.length);
    }

    /** Playing time of what has been written so far. */
    public long durationMillis() {
        return samplesWritten * 1000L / WavFormat.TELEPHONE_PCM.sampleRate();
    }

    /** Samples written so far. */
    public long samples() {
        return samplesWritten;
    }

    /** The name the file gets on {@link #finish()}. */
    public Path target() {
        return target;
    }

    /** Where the samples go until {@link #finish()}; exposed for tests and crash-recovery sweeps. */
    public Path temporary() {
        return temporary;
    }

    /**
     * Patches the header, forces data and metadata to disk, and renames atomically to the final name. Returns only
     * once the file is durable under that name; on failure the temporary file is removed and nothing is published.
     * An existing regular file under the final name is replaced (POSIX rename); callers choose unique names.
     */
    public Path finish() throws IOException {
        requireOpen();
        try {
            channel.position(0);
            writeFully(header(samplesWritten * 2));
            channel.force(true);
            channel.close();
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            abortQuietly();
            throw new IOException("cannot rename atomically into " + target.getParent(), e);
        } catch (IOException | RuntimeException e) {
            abortQuietly();
            throw e;
        }
        state = State.FINISHED;
        forceDirectory(target.getParent());
        return target;
    }

    /** Gives the recording up: the temporary file is deleted and nothing appears under the final name. */
    public void abort() throws IOException {
        if (state != State.OPEN) {
            return;
        }
        state = State.ABORTED;
        try {
            channel.close();
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Closing an unfinished writer aborts it: only {@link #finish()} publishes. */
    @Override
    public void close() throws IOException {
        abort();
    }

    private void abortQuietly() {
        try {
            abort();
        } catch (IOException ignored) {
            // the original failure is the one worth reporting
        }
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("writer is " + state.name().toLowerCase() + ": " + target);
        }
    }

    private void writeFully(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    /** The canonical 44-byte header for 16-bit PCM 8 kHz mono with {@code dataBytes} of samples. */
    static ByteBuffer header(long dataBytes) {
        WavFormat format = WavFormat.TELEPHONE_PCM;
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(WavReader.fourCc("RIFF")).putInt((int) (HEADER_BYTES - 8 + dataBytes));
        header.putInt(WavReader.fourCc("WAVE"));
        header.putInt(WavReader.fourCc("fmt ")).putInt(16);
        header.putShort((short) format.formatTag()).putShort((short) format.channels());
        header.putInt(format.sampleRate()).putInt(format.sampleRate() * format.blockAlign());
        header.putShort((short) format.blockAlign()).putShort((short) format.bitsPerSample());
        header.putInt(WavReader.fourCc("data")).putInt((int) dataBytes);
        return header.flip();
    }

    /**
     * Deletes the temporary files that writers in {@code directory} left behind when the process died before
     * {@link #finish()}; run at startup, before any new writer is created there.
     *
     * @return how many were deleted
     */
    public static int deleteLeftovers(Path directory) throws IOException {
        int deleted = 0;
        try (var entries = Files.newDirectoryStream(directory, ".*" + TEMPORARY_SUFFIX)) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry) && Files.deleteIfExists(entry)) {
                    deleted++;
                }
            }
        }
        return deleted;
    }

    /** Whether {@code file} is the temporary file of a writer (one that never finished, if no writer is open). */
    public static boolean isTemporary(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") && name.endsWith(TEMPORARY_SUFFIX);
    }

    /** Makes the rename itself durable where the platform allows syncing a directory (Linux does). */
    private static void forceDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // not supported on every platform; the file's own bytes are already forced
        }
    }
}
