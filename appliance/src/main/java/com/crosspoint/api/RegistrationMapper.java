package com.crosspoint.api;

import com.crosspoint.api.dto.RegistrationDto;
import com.crosspoint.directory.Directory;
import com.crosspoint.model.Binding;
import com.crosspoint.model.Device;
import com.crosspoint.model.User;

/** A binding as the API shows it, with the extension and SIP username looked up in the directory. */
final class RegistrationMapper {
    private final Directory directory;

    RegistrationMapper(Directory directory) {
        this.directory = directory;
    }

    RegistrationDto toDto(Binding b) {
        return RegistrationDto.of(b, directory.user(b.userId()).map(User::extension).orElse(null),
                directory.device(b.deviceId()).map(Device::sipUsername).orElse(null));
    }
}
