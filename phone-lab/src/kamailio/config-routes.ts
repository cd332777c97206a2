import type { KamailioConfigSettings } from './config-template';
import { ANSWER_TOWARDS_UDP, ANSWER_TOWARDS_WEBSOCKET, OFFER_TOWARDS_UDP, OFFER_TOWARDS_WEBSOCKET, quoted } from './config-values';

/**
 * The routing half of the Kamailio config: registration with digest auth, WebSocket NAT handling,
 * the lab's special numbers (busy, no answer, ring group) and rtpengine offers and answers whose
 * flags depend on which side is a browser (flag sets in config-values.ts).
 */
export function renderKamailioRoutes(settings: KamailioConfigSettings): string {
  const [firstMember, ...otherMembers] = settings.ringGroupMembers;
  const ringGroupBranches = otherMembers.map((member) => `\t\tappend_branch("sip:${member}@${settings.domain}");`).join('\n');
  const { numbers } = settings;
  return `request_route {
	if (!mf_process_maxfwd_header("10")) {
		sl_send_reply("483", "Too Many Hops");
		exit;
	}
	if (!sanity_check()) {
		exit;
	}

	# A browser's Via and Contact name addresses it cannot be reached at (*.invalid): remember the
	# WebSocket connection it really came from, in the registration or as an alias on the Contact.
	if (nat_uac_test("64")) {
		force_rport();
		if (is_method("REGISTER")) {
			fix_nated_register();
		} else if (!add_contact_alias()) {
			sl_send_reply("400", "Bad Contact");
			exit;
		}
	}

	if (has_totag()) {
		route(WITHIN_DIALOG);
		exit;
	}

	if (is_method("CANCEL")) {
		if (t_check_trans()) {
			t_relay();
		}
		exit;
	}
	if (is_method("ACK")) {
		if (t_check_trans()) {
			t_relay();
		}
		exit;
	}
	# Retransmissions of requests we already handle.
	t_check_trans();

	if (is_method("REGISTER")) {
		route(AUTHENTICATE_REGISTER);
		if (!save("location")) {
			sl_reply_error();
		}
		exit;
	}

	if (is_method("OPTIONS") && uri==myself && $rU==$null) {
		sl_send_reply("200", "OK");
		exit;
	}

	route(AUTHENTICATE_CALLER);

	if (uri!=myself) {
		sl_send_reply("403", "Only ${settings.domain} is served here");
		exit;
	}

	remove_hf("Route");
	if (is_method("INVITE|SUBSCRIBE")) {
		record_route();
	}

	route(LAB_NUMBERS);

	if (!lookup("location") && !is_method("ACK")) {
		if ($sht(passwords=>$rU) != $null) {
			sl_send_reply("480", "Temporarily Unavailable");
		} else {
			sl_send_reply("404", "Not Found");
		}
		exit;
	}
	route(RELAY);
}

# Digest auth with the realm = the SIP domain, so a browser may answer with JsSIP's ha1 =
# MD5(user:realm:password); the passwords sit in an in-memory htable filled at start-up.
route[AUTHENTICATE_REGISTER] {
	if ($sht(passwords=>$tU) == $null) {
		sl_send_reply("403", "Unknown user");
		exit;
	}
	if (!pv_www_authenticate(${quoted(settings.domain)}, "$sht(passwords=>$tU)", "0")) {
		www_challenge(${quoted(settings.domain)}, "0");
		exit;
	}
	if ($au != $tU) {
		sl_send_reply("403", "Authentication ID does not match the user");
		exit;
	}
	consume_credentials();
}

route[AUTHENTICATE_CALLER] {
	if (!is_method("INVITE|MESSAGE|REFER|SUBSCRIBE")) {
		return;
	}
	if ($sht(passwords=>$fU) == $null || from_uri!=myself) {
		sl_send_reply("403", "Only the lab's users may call");
		exit;
	}
	if (!pv_proxy_authenticate(${quoted(settings.domain)}, "$sht(passwords=>$fU)", "0")) {
		proxy_challenge(${quoted(settings.domain)}, "0");
		exit;
	}
	if ($au != $fU) {
		sl_send_reply("403", "Authentication ID does not match the caller");
		exit;
	}
	consume_credentials();
}

route[LAB_NUMBERS] {
	if ($rU == ${quoted(numbers.customer)}) {
		$rU = ${quoted(settings.customerUser)};
		return;
	}
	if ($rU == ${quoted(numbers.busy)}) {
		sl_send_reply("486", "Busy Here");
		exit;
	}
	if ($rU == ${quoted(numbers.noAnswer)}) {
		$rU = ${quoted(settings.ringerUser)};
		# The ringer answers 180 and never 200: give up after this long (failure_route says 480).
		t_set_fr(${settings.noAnswerTimeoutMs}, 5000);
		return;
	}
	if ($rU == ${quoted(numbers.ringGroup)}) {
		# Parallel fork: tm rings every registered member and CANCELs the others when one answers.
		$ru = "sip:${firstMember}@${settings.domain}";
${ringGroupBranches}
		if (!lookup_branches("location")) {
			sl_send_reply("480", "Nobody in the ring group is registered");
			exit;
		}
		route(RELAY);
	}
}

route[RELAY] {
	if (is_method("INVITE")) {
		if ($proto == "ws" || $proto == "wss") {
			setflag(FLT_CALLER_WS);
		}
		t_on_branch("MEDIA_TOWARDS_CALLEE");
		t_on_reply("MEDIA_TOWARDS_CALLER");
		t_on_failure("CALL_FAILED");
	} else if (is_method("BYE|CANCEL")) {
		rtpengine_delete();
	}
	if (!t_relay()) {
		sl_reply_error();
	}
	exit;
}

route[WITHIN_DIALOG] {
	if (loose_route()) {
		if ($du == "") {
			# Towards a browser the R-URI carries ;alias= with its WebSocket connection.
			if (!handle_ruri_alias()) {
				sl_send_reply("400", "Bad Request");
				exit;
			}
		}
		route(RELAY);
	}
	if (is_method("ACK")) {
		if (t_check_trans()) {
			t_relay();
		}
		exit;
	}
	sl_send_reply("404", "Not here");
	exit;
}

# Per branch, because a ring group may fork to a browser and to a UDP phone at once.
branch_route[MEDIA_TOWARDS_CALLEE] {
	if (!has_body("application/sdp")) {
		return;
	}
	if ($du =~ "transport=ws" || $ru =~ "transport=ws") {
		xlog("L_INFO", "$rm $ci: media towards WebSocket callee $ru ($du)\n");
		rtpengine_manage("${OFFER_TOWARDS_WEBSOCKET}");
	} else {
		xlog("L_INFO", "$rm $ci: media towards UDP callee $ru ($du)\n");
		rtpengine_manage("${OFFER_TOWARDS_UDP}");
	}
}

onreply_route[MEDIA_TOWARDS_CALLER] {
	if (nat_uac_test("64")) {
		add_contact_alias();
	}
	if (!has_body("application/sdp")) {
		return;
	}
	if (isflagset(FLT_CALLER_WS)) {
		xlog("L_INFO", "$rs $ci: media towards WebSocket caller\n");
		rtpengine_manage("${ANSWER_TOWARDS_WEBSOCKET}");
	} else {
		xlog("L_INFO", "$rs $ci: media towards UDP caller\n");
		rtpengine_manage("${ANSWER_TOWARDS_UDP}");
	}
}

failure_route[CALL_FAILED] {
	rtpengine_delete();
	if (t_is_canceled()) {
		exit;
	}
	# The callee rang until fr_inv_timer ran out: say "no answer" rather than tm's 408.
	if (t_branch_timeout() && t_branch_replied()) {
		t_reply("480", "No Answer");
		exit;
	}
}

event_route[xhttp:request] {
	set_reply_close();
	set_reply_no_connect();
	if ($Rp != ${settings.webSocketPort}) {
		xhttp_reply("403", "Forbidden", "", "");
		exit;
	}
	if ($hdr(Upgrade) =~ "websocket" && $hdr(Connection) =~ "Upgrade" && $rm =~ "GET") {
		if (ws_handle_handshake()) {
			exit;
		}
	}
	xhttp_reply("404", "Not Found", "", "");
}
`;
}
