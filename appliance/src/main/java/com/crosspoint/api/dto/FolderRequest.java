package com.crosspoint.api.dto;

import com.crosspoint.model.VoicemailFolder;

/** Moves a voicemail to a folder (SAVED once heard). */
public record FolderRequest(VoicemailFolder folder) {
}
