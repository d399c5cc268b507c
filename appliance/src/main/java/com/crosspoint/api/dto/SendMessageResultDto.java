package com.crosspoint.api.dto;

import com.crosspoint.im.MessageService.Outcome;

/**
 * A sent message: DELIVERED when a device of the recipient took it within the wait, else STORED
 * (it goes out when a device registers; a later {@code message.delivered} event tells).
 */
public record SendMessageResultDto(MessageDto message, Outcome outcome) {
}
