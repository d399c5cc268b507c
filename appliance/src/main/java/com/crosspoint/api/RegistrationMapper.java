package com.crosspoint.api;

import com.crosspoint.api.dto.RegistrationDto;
import com.crosspoint.directory.Directory;
import com.crosspoint.model.Binding;
import com.crosspoint.model.Device;
import com.crosspoint.model.User;
import com.crosspoint.nat.NatFinding;
import com.crosspoint.registrar.Registrar;

/**
 * A binding as the API shows it, with the extension and SIP username looked up in the directory and its NAT finding
 * from the registrar.
 */
final class RegistrationMapper {
    private final Directory directory;
    private final Registrar registrar;

    RegistrationMapper(Directory directory, Registrar registrar) {
        this.directory = directory;
        this.registrar = registrar;
    }

    RegistrationDto toDto(Binding b) {
        return toDto(b, registrar.natOf(b));
    }

    /** As found when the event was raised (an expired binding's finding is gone from the registrar). */
    RegistrationDto toDto(Binding b, NatFinding nat) {
        return RegistrationDto.of(b, directory.user(b.userId()).map(User::extension).orElse(null),
                directory.device(b.deviceId()).map(Device::sipUsername).orElse(null), nat);
    }
}
