package com.crosspoint.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.api.dto.AdminDto;
import com.crosspoint.api.dto.AdminRequest;
import com.crosspoint.api.dto.CallDto;
import com.crosspoint.api.dto.CallFrame;
import com.crosspoint.api.dto.CdrDto;
import com.crosspoint.api.dto.CdrPage;
import com.crosspoint.api.dto.ConversationDto;
import com.crosspoint.api.dto.DeviceCredentialsDto;
import com.crosspoint.api.dto.DeviceDto;
import com.crosspoint.api.dto.DeviceRequest;
import com.crosspoint.api.dto.DirectoryEntryDto;
import com.crosspoint.api.dto.ErrorBody;
import com.crosspoint.api.dto.HealthDto;
import com.crosspoint.api.dto.LoginRequest;
import com.crosspoint.api.dto.LoginResponse;
import com.crosspoint.api.dto.MeDto;
import com.crosspoint.api.dto.MessageDto;
import com.crosspoint.api.dto.MessageFrame;
import com.crosspoint.api.dto.MessagePage;
import com.crosspoint.api.dto.MyDeviceDto;
import com.crosspoint.api.dto.MyPasswordRequest;
import com.crosspoint.api.dto.PasswordRequest;
import com.crosspoint.api.dto.ReadMessagesRequest;
import com.crosspoint.api.dto.RegistrationDto;
import com.crosspoint.api.dto.RegistrationFrame;
import com.crosspoint.api.dto.SendMessageRequest;
import com.crosspoint.api.dto.SendMessageResultDto;
import com.crosspoint.api.dto.SettingsDto;
import com.crosspoint.api.dto.SnapshotFrame;
import com.crosspoint.api.dto.StatusDto;
import com.crosspoint.api.dto.TenantDto;
import com.crosspoint.api.dto.TenantRequest;
import com.crosspoint.api.dto.UserDto;
import com.crosspoint.api.dto.UserRequest;
import com.crosspoint.api.dto.WebLoginRequest;
import com.crosspoint.api.dto.WebSessionDto;
import com.crosspoint.model.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/api/openapi.yaml is the contract: it must list exactly the routes the router serves, its
 * schemas must have exactly the fields of the DTO records, and the examples in docs/api/examples
 * must be what the API really reads and writes.
 */
class OpenApiContractTest {
    private static final Path DOCS = Path.of("..", "docs", "api");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    /** Schema name in the document → the record that is serialised or read for it. */
    private static final Map<String, Class<? extends Record>> SCHEMAS = new LinkedHashMap<>();

    static {
        SCHEMAS.put("Error", ErrorBody.class);
        SCHEMAS.put("Voicemail", com.crosspoint.api.dto.VoicemailDto.class);
        SCHEMAS.put("Mailbox", com.crosspoint.api.dto.MailboxDto.class);
        SCHEMAS.put("FolderRequest", com.crosspoint.api.dto.FolderRequest.class);
        SCHEMAS.put("PinRequest", com.crosspoint.api.dto.PinRequest.class);
        SCHEMAS.put("Health", HealthDto.class);
        SCHEMAS.put("LoginRequest", LoginRequest.class);
        SCHEMAS.put("LoginResponse", LoginResponse.class);
        SCHEMAS.put("Admin", AdminDto.class);
        SCHEMAS.put("AdminRequest", AdminRequest.class);
        SCHEMAS.put("PasswordRequest", PasswordRequest.class);
        SCHEMAS.put("AdminPasswordRequest", com.crosspoint.api.dto.AdminPasswordRequest.class);
        SCHEMAS.put("Tenant", TenantDto.class);
        SCHEMAS.put("TenantRequest", TenantRequest.class);
        SCHEMAS.put("Settings", SettingsDto.class);
        SCHEMAS.put("User", UserDto.class);
        SCHEMAS.put("UserRequest", UserRequest.class);
        SCHEMAS.put("Device", DeviceDto.class);
        SCHEMAS.put("DeviceCredentials", DeviceCredentialsDto.class);
        SCHEMAS.put("DeviceRequest", DeviceRequest.class);
        SCHEMAS.put("Registration", RegistrationDto.class);
        SCHEMAS.put("Nat", com.crosspoint.api.dto.NatDto.class);
        SCHEMAS.put("Call", CallDto.class);
        SCHEMAS.put("MediaPath", com.crosspoint.api.dto.MediaPathDto.class);
        SCHEMAS.put("PartyMedia", com.crosspoint.call.PartyMedia.class);
        SCHEMAS.put("Latch", com.crosspoint.call.PartyMedia.Latch.class);
        SCHEMAS.put("Cdr", CdrDto.class);
        SCHEMAS.put("CdrCharges", com.crosspoint.api.dto.CdrChargesDto.class);
        SCHEMAS.put("CallQuality", com.crosspoint.api.dto.CallQualityDto.class);
        SCHEMAS.put("CdrPage", CdrPage.class);
        SCHEMAS.put("Message", MessageDto.class);
        SCHEMAS.put("MessagePage", MessagePage.class);
        SCHEMAS.put("Chat", com.crosspoint.api.dto.ChatDto.class);
        SCHEMAS.put("ChatLine", com.crosspoint.api.dto.ChatLineDto.class);
        SCHEMAS.put("ChatPage", com.crosspoint.api.dto.ChatPage.class);
        SCHEMAS.put("MyChats", com.crosspoint.api.dto.MyChatsDto.class);
        SCHEMAS.put("ChatTextRequest", com.crosspoint.api.dto.ChatTextRequest.class);
        SCHEMAS.put("ChatReadRequest", com.crosspoint.api.dto.ChatReadRequest.class);
        SCHEMAS.put("ChatAvailabilityRequest", com.crosspoint.api.dto.ChatAvailabilityRequest.class);
        SCHEMAS.put("ChatFrame", com.crosspoint.api.dto.ChatFrame.class);
        SCHEMAS.put("SnapshotFrame", SnapshotFrame.class);
        SCHEMAS.put("RegistrationFrame", RegistrationFrame.class);
        SCHEMAS.put("CallFrame", CallFrame.class);
        SCHEMAS.put("MessageFrame", MessageFrame.class);
        SCHEMAS.put("WebLoginRequest", WebLoginRequest.class);
        SCHEMAS.put("WebSession", WebSessionDto.class);
        SCHEMAS.put("Me", MeDto.class);
        SCHEMAS.put("MyPasswordRequest", MyPasswordRequest.class);
        SCHEMAS.put("MyDevice", MyDeviceDto.class);
        SCHEMAS.put("TurnCredentials", com.crosspoint.api.dto.TurnCredentialsDto.class);
        SCHEMAS.put("TurnStatus", com.crosspoint.api.dto.TurnStatusDto.class);
        SCHEMAS.put("DirectoryEntry", DirectoryEntryDto.class);
        SCHEMAS.put("Conversation", ConversationDto.class);
        SCHEMAS.put("SendMessageRequest", SendMessageRequest.class);
        SCHEMAS.put("SendMessageResult", SendMessageResultDto.class);
        SCHEMAS.put("ReadMessagesRequest", ReadMessagesRequest.class);
        SCHEMAS.put("Status", StatusDto.class);
        SCHEMAS.put("Security", com.crosspoint.api.dto.SecurityDto.class);
        SCHEMAS.put("Menu", com.crosspoint.api.dto.MenuDto.class);
        SCHEMAS.put("MenuOption", com.crosspoint.api.dto.MenuDto.MenuOptionDto.class);
        SCHEMAS.put("MenuRequest", com.crosspoint.api.dto.MenuRequest.class);
        SCHEMAS.put("ConferenceRoom", com.crosspoint.api.dto.ConferenceRoomDto.class);
        SCHEMAS.put("ConferenceRoomRequest", com.crosspoint.api.dto.ConferenceRoomRequest.class);
        SCHEMAS.put("ConferenceParticipant", com.crosspoint.api.dto.ParticipantDto.class);
        SCHEMAS.put("MuteRequest", com.crosspoint.api.dto.MuteRequest.class);
        SCHEMAS.put("ConferenceFrame", com.crosspoint.api.dto.ConferenceFrame.class);
        SCHEMAS.put("AccountBackOffFrame", com.crosspoint.api.dto.AccountBackOffFrame.class);
        SCHEMAS.put("TenantFrame", com.crosspoint.api.dto.TenantFrame.class);
        SCHEMAS.put("UserFrame", com.crosspoint.api.dto.UserFrame.class);
        SCHEMAS.put("DeviceFrame", com.crosspoint.api.dto.DeviceFrame.class);
        SCHEMAS.put("MediaStatus", com.crosspoint.api.dto.MediaStatusDto.class);
        SCHEMAS.put("Did", com.crosspoint.api.dto.DidDto.class);
        SCHEMAS.put("DidRequest", com.crosspoint.api.dto.DidRequest.class);
        SCHEMAS.put("Queue", com.crosspoint.api.dto.QueueDto.class);
        SCHEMAS.put("QueueRequest", com.crosspoint.api.dto.QueueRequest.class);
        SCHEMAS.put("Member", com.crosspoint.api.dto.MemberDto.class);
        SCHEMAS.put("QueueStats", com.crosspoint.api.dto.QueueStatsDto.class);
        SCHEMAS.put("AcdQueueHistory", com.crosspoint.api.dto.AcdHistoryDto.class);
        SCHEMAS.put("AcdAgentHistory", com.crosspoint.api.dto.AcdHistoryDto.class);
        SCHEMAS.put("QueueInterval", com.crosspoint.acd.report.QueueInterval.class);
        SCHEMAS.put("AgentInterval", com.crosspoint.acd.report.AgentInterval.class);
        SCHEMAS.put("ChatQueueHistory", com.crosspoint.api.dto.AcdHistoryDto.class);
        SCHEMAS.put("ChatAgentHistory", com.crosspoint.api.dto.AcdHistoryDto.class);
        SCHEMAS.put("ChatQueueInterval", com.crosspoint.chat.report.ChatQueueInterval.class);
        SCHEMAS.put("ChatAgentInterval", com.crosspoint.chat.report.ChatAgentInterval.class);
        SCHEMAS.put("ChatQueueNow", com.crosspoint.chat.report.ChatQueueNow.class);
        SCHEMAS.put("Agent", com.crosspoint.api.dto.AgentDto.class);
        SCHEMAS.put("AgentRequest", com.crosspoint.api.dto.AgentRequest.class);
        SCHEMAS.put("MyAgent", MyAgentHandler.MyAgent.class);
        SCHEMAS.put("AgentFrame", com.crosspoint.api.dto.AgentFrame.class);
        SCHEMAS.put("QueueStatsFrame", com.crosspoint.api.dto.QueueStatsFrame.class);
        SCHEMAS.put("QueueCallbacks", com.crosspoint.acd.QueueStats.Callbacks.class);
        SCHEMAS.put("CallbackFrame", com.crosspoint.api.dto.CallbackFrame.class);
        SCHEMAS.put("MoveRequest", com.crosspoint.api.dto.MoveRequest.class);
        SCHEMAS.put("Moved", com.crosspoint.api.dto.MovedDto.class);
        SCHEMAS.put("MovedFrame", com.crosspoint.api.dto.MovedFrame.class);
        SCHEMAS.put("LeftMessage", com.crosspoint.api.dto.LeftMessageDto.class);
        SCHEMAS.put("LeftMessages", com.crosspoint.api.dto.LeftMessagesDto.class);
        SCHEMAS.put("LeftMessageQueueCount", com.crosspoint.api.dto.LeftMessagesDto.QueueCount.class);
        SCHEMAS.put("AcdBoard", com.crosspoint.api.dto.AcdBoardDto.class);
        SCHEMAS.put("QueueBoard", com.crosspoint.api.dto.AcdBoardDto.QueueBoard.class);
        SCHEMAS.put("WaitingCaller", com.crosspoint.api.dto.WaitingCallerDto.class);
        SCHEMAS.put("Trunk", com.crosspoint.api.dto.TrunkDto.class);
        SCHEMAS.put("Carrier", com.crosspoint.api.dto.CarrierDto.class);
        SCHEMAS.put("CarrierRequest", com.crosspoint.api.dto.CarrierRequest.class);
        SCHEMAS.put("CarrierPatch", com.crosspoint.api.dto.CarrierPatch.class);
        SCHEMAS.put("CarrierQuality", com.crosspoint.api.dto.CarrierQualityDto.class);
        SCHEMAS.put("CarrierMargin", com.crosspoint.api.dto.CarrierMarginDto.class);
        SCHEMAS.put("QualityFigures", com.crosspoint.api.dto.QualityDto.class);
        SCHEMAS.put("RateDeck", com.crosspoint.api.dto.RateDeckDto.class);
        SCHEMAS.put("RateDeckImport", com.crosspoint.api.dto.RateDeckImportDto.class);
        SCHEMAS.put("RateDeckImportFrame", com.crosspoint.api.dto.RateDeckImportFrame.class);
        SCHEMAS.put("RouteExplanation", com.crosspoint.api.dto.RouteExplanationDto.class);
        SCHEMAS.put("RouteCandidate", com.crosspoint.api.dto.RouteExplanationDto.Candidate.class);
        SCHEMAS.put("RouteRate", com.crosspoint.api.dto.RouteExplanationDto.Rate.class);
        SCHEMAS.put("RouteScore", com.crosspoint.api.dto.RouteExplanationDto.Score.class);
        SCHEMAS.put("RouteFloor", com.crosspoint.api.dto.RouteExplanationDto.Floor.class);
        SCHEMAS.put("SpendLimits", com.crosspoint.api.dto.SpendLimitsDto.class);
        SCHEMAS.put("BillingAccountRequest", com.crosspoint.api.dto.BillingAccountRequest.class);
        SCHEMAS.put("BillingAccount", com.crosspoint.api.dto.BillingAccountDto.class);
        SCHEMAS.put("FreezeRequest", com.crosspoint.api.dto.FreezeRequest.class);
        SCHEMAS.put("LedgerPostRequest", com.crosspoint.api.dto.LedgerPostRequest.class);
        SCHEMAS.put("LedgerEntry", com.crosspoint.api.dto.LedgerEntryDto.class);
        SCHEMAS.put("UserBillingRequest", com.crosspoint.api.dto.UserBillingRequest.class);
        SCHEMAS.put("UserBilling", com.crosspoint.api.dto.UserBillingDto.class);
        SCHEMAS.put("RatePlanRequest", com.crosspoint.api.dto.RatePlanRequest.class);
        SCHEMAS.put("RatePlan", com.crosspoint.api.dto.RatePlanDto.class);
        SCHEMAS.put("RetailRate", com.crosspoint.api.dto.RetailRateDto.class);
        SCHEMAS.put("RerateRequest", com.crosspoint.api.dto.RerateRequest.class);
        SCHEMAS.put("Rerate", com.crosspoint.api.dto.RerateDto.class);
        SCHEMAS.put("StatementLink", StatementsHandler.StatementLink.class);
        SCHEMAS.put("Statement", com.crosspoint.api.dto.StatementDto.class);
        SCHEMAS.put("StatementLine", com.crosspoint.api.dto.StatementDto.Line.class);
        SCHEMAS.put("RoutingPolicy", com.crosspoint.api.dto.RoutingPolicyDto.class);
    }

    /** Bodies clients send: fields may be left out, so not every property is required. */
    private static final Set<String> REQUESTS = Set.of("LoginRequest", "AdminRequest", "PasswordRequest",
            "AdminPasswordRequest", "TenantRequest", "UserRequest", "DeviceRequest", "Settings", "WebLoginRequest",
            "MyPasswordRequest",
            "SendMessageRequest", "ReadMessagesRequest", "FolderRequest", "PinRequest",
            // a menu option is written and read alike; answers carry all four fields
            "MenuOption", "MenuRequest",
            "ConferenceRoomRequest", "MuteRequest", "DidRequest", "CarrierRequest", "CarrierPatch",
            "BillingAccountRequest", "FreezeRequest", "LedgerPostRequest", "UserBillingRequest", "RatePlanRequest",
            // a rate is written and read alike; answers carry every field
            "RetailRate", "RerateRequest",
            // written and read alike; answers also carry the read-only source
            "RoutingPolicy",
            "QueueRequest", "AgentRequest", "Member");

    @TempDir
    static Path dir;
    static ApplianceFixture app;
    static JsonNode doc;

    @BeforeAll
    static void load() throws IOException {
        app = ApplianceFixture.start(dir);
        doc = new YAMLMapper().readTree(DOCS.resolve("openapi.yaml").toFile());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void documentIsOpenApi31() {
        assertThat(doc.path("openapi").asText()).startsWith("3.1");
    }

    @Test
    void documentedOperationsAreExactlyTheRoutesServed() {
        Set<String> documented = new TreeSet<>();
        doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> {
            if (METHODS.contains(m)) {
                documented.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey());
            }
        }));
        Set<String> served = new TreeSet<>();
        app.appliance().api().routes().forEach(r -> served.add(r.method() + " " + r.path()));

        assertThat(documented).isEqualTo(served);
    }

    @Test
    void pathParametersAreDeclared() {
        doc.get("paths").fields().forEachRemaining(p -> {
            Set<String> inTemplate = new HashSet<>();
            var m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(p.getKey());
            while (m.find()) {
                inTemplate.add(m.group(1));
            }
            Set<String> declared = new HashSet<>();
            p.getValue().path("parameters").forEach(ref -> declared.add(resolve(ref).path("name").asText()));
            assertThat(declared).as(p.getKey()).containsAll(inTemplate);
        });
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty().allSatisfy(ref -> assertThat(at(ref).isMissingNode()).as(ref).isFalse());
    }

    @Test
    void schemasHaveExactlyTheFieldsOfTheirRecords() {
        JsonNode schemas = doc.get("components").get("schemas");
        Set<String> names = new TreeSet<>();
        schemas.fieldNames().forEachRemaining(names::add);
        names.remove("Role");
        assertThat(names).as("every schema is backed by a DTO").isEqualTo(new TreeSet<>(SCHEMAS.keySet()));

        SCHEMAS.forEach((name, type) -> {
            JsonNode schema = schemas.get(name);
            Set<String> properties = new TreeSet<>();
            schema.get("properties").fieldNames().forEachRemaining(properties::add);
            Set<String> required = new TreeSet<>();
            schema.path("required").forEach(r -> required.add(r.asText()));

            assertThat(properties).as(name + " properties").isEqualTo(components(type));
            assertThat(properties).as(name + " required").containsAll(required);
            if (!REQUESTS.contains(name)) {
                // Answers always carry every field (null when empty), so clients may rely on each.
                assertThat(required).as(name + " required").isEqualTo(properties);
            }
        });
    }

    @Test
    void roleEnumMatchesTheModel() {
        List<String> documented = new ArrayList<>();
        doc.get("components").get("schemas").get("Role").get("enum").forEach(v -> documented.add(v.asText()));

        assertThat(documented).containsExactly(Arrays.stream(Role.values()).map(Enum::name).toArray(String[]::new));
    }

    @Test
    void examplesAreWhatTheApiReadsAndWrites() throws IOException {
        ObjectMapper strict = Json.newMapper();
        List<Path> files;
        try (Stream<Path> s = Files.list(DOCS.resolve("examples"))) {
            files = s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(20);
        for (Path f : files) {
            String name = f.getFileName().toString().replace(".json", "");
            Class<? extends Record> type = SCHEMAS.get(name);
            assertThat(type).as(f + " names a schema").isNotNull();
            JsonNode example = strict.readTree(f.toFile());

            Object value = strict.treeToValue(example, type);
            // Through text, as on the wire: tree nodes of a long and an int would differ in type only.
            JsonNode again = strict.readTree(strict.writeValueAsString(value));

            assertThat(again).as(f + " survives a round trip through " + type.getSimpleName()).isEqualTo(example);
        }
    }

    private static Set<String> components(Class<? extends Record> type) {
        Set<String> names = new TreeSet<>();
        for (var c : type.getRecordComponents()) {
            names.add(c.getName());
        }
        return names;
    }

    private static JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? at(node.get("$ref").asText()) : node;
    }

    private static JsonNode at(String ref) {
        return doc.at(ref.substring(1));
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            }
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, refs));
        }
    }
}
