package com.crosspoint.config;

import java.nio.file.Path;

/** @param dir absolute, normalized directory of the database and other state ({@code data.dir}) */
public record DataConfig(Path dir) {
}
