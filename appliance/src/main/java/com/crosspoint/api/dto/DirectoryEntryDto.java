package com.crosspoint.api.dto;

/** Another user of the end user's tenant, as the end user may see it. */
public record DirectoryEntryDto(String extension, String displayName) {
}
