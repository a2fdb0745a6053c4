"""Shared object table for the appeal (02), intent (03), demand (10) and
reject (12) dictionaries.

CAMEO gives these four roots the same sub-code structure: what is asked
for, promised, demanded or refused (material cooperation, aid, reform,
yielding, talks, settlement, mediation).  Each OBJECT below lists the
verb phrases ("to hold joint exercises") and noun phrases ("the release
of the hostages") that name it, and its code under each root.
gen-request-verbs expands them into the verb entries of
data/verbs/02-appeals.verbs, 03-intent.verbs, 10-demands.verbs and
12-rejections.verbs.  Written by the dyad team.
"""
import re

EX = "{ EXERCISE | DRILL | MANOEUVRE | MANEUVER | PATROL | WAR_GAME }"
GROW = "{ BOOST | EXPAND | STRENGTHEN | DEEPEN | DEVELOP | ENHANCE | INTENSIFY | INCREASE | PROMOTE | BOLSTER }"
ARMS = ("{ WEAPON | ARM | AMMUNITION | MUNITION | MISSILE | TANK | FIGHTER | JET | HELICOPTER | "
        "SUBMARINE | DRONE | MILITARY_AID | MILITARY_ASSISTANCE | MILITARY_EQUIPMENT | AIR_DEFENCE | "
        "AIR_DEFENSE | CORVETTE | FRIGATE | PATROL_SHIP }")

# key: (appeal, intent, demand, reject) codes, verb phrases, noun phrases
OBJECTS = [
    ("mil", ("0212", "0312", "1012", "1212"),
     ["{ HOLD | CONDUCT | ORGANIZE | ORGANISE | STAGE | CARRY_OUT } JOINT " + EX,
      GROW + " { MILITARY | DEFENCE | DEFENSE | SECURITY | MILITARY_TECHNICAL | NAVAL } { COOPERATION | TIE | RELATION | PARTNERSHIP }",
      "COOPERATE MILITARILY",
      "{ COOPERATE | WORK_TOGETHER } ON_ { SECURITY | DEFENCE | DEFENSE | COUNTERTERRORISM | TERRORISM }",
      "JOINTLY { FIGHT | COMBAT } { TERRORISM | TERRORIST | JIHADIST }",
      "{ JOIN | TAKE_PART_IN | PARTICIPATE_IN } " + EX],
     ["JOINT " + EX,
      "{ MILITARY | DEFENCE | DEFENSE | SECURITY | MILITARY_TECHNICAL } { COOPERATION | PARTNERSHIP | ALLIANCE | PACT }"]),
    ("econ", ("0211", "0311", "1011", "1211"),
     [GROW + " { ECONOMIC | TRADE | ENERGY | INVESTMENT | COMMERCIAL | BUSINESS } { COOPERATION | TIE | RELATION | PARTNERSHIP | EXCHANGE }",
      "{ BOOST | EXPAND | INCREASE | DOUBLE } { TRADE | TRADE_VOLUME | INVESTMENT }",
      "COOPERATE ECONOMICALLY",
      "{ COOPERATE | WORK_TOGETHER } { ON | IN } { ENERGY | TRADE | ECONOMY | INVESTMENT | GAS | OIL | AGRICULTURE | INDUSTRY | INFRASTRUCTURE }",
      "{ INVEST | BUILD_A_PIPELINE | OPEN_ITS_MARKET }"],
     ["{ ECONOMIC | TRADE | ENERGY | INVESTMENT } { COOPERATION | TIE | PARTNERSHIP }",
      "{ FREE_TRADE_AGREEMENT | TRADE_DEAL | INVESTMENT }"]),
    ("jud", ("0213", "0313", "1013", "1213"),
     ["{ EXTRADITE | HAND_OVER }",
      "COOPERATE { IN | ON | WITH } { INVESTIGATION | INQUIRY | PROBE | EXTRADITION | COURT | TRIBUNAL }"],
     ["{ EXTRADITION | JUDICIAL_COOPERATION | LEGAL_ASSISTANCE | MUTUAL_LEGAL_ASSISTANCE }"]),
    ("intel", ("0214", "0314", "1014", "1214"),
     ["{ SHARE | EXCHANGE } { INTELLIGENCE | INFORMATION | DATA }"],
     ["{ INTELLIGENCE_SHARE | INTELLIGENCE_COOPERATION | INFORMATION_EXCHANGE | EXCHANGE_OF_INTELLIGENCE | EXCHANGE_OF_INFORMATION }"]),
    ("coop", ("021", "031", "101", "121"),
     ["COOPERATE",
      "WORK_TOGETHER",
      GROW + " { COOPERATION | PARTNERSHIP | STRATEGIC_PARTNERSHIP }"],
     ["{ COOPERATION | PARTNERSHIP | STRATEGIC_PARTNERSHIP }"]),
    ("dipl", ("022", "032", "102", "120"),
     ["{ SUPPORT | BACK | ENDORSE } { POSITION | BID | CANDIDACY | PROPOSAL | PLAN | INITIATIVE | RESOLUTION }",
      "{ RESTORE | NORMALIZE | NORMALISE | RESUME | UPGRADE | IMPROVE | STRENGTHEN | DEEPEN } { DIPLOMATIC_RELATION | DIPLOMATIC_TIE | RELATION | TIE | POLITICAL_COOPERATION }",
      "{ RECOGNIZE | RECOGNISE }",
      "{ RETURN | REINSTATE | SEND_BACK } { AMBASSADOR | ENVOY }",
      "REOPEN { EMBASSY | CONSULATE }"],
     ["{ DIPLOMATIC_SUPPORT | POLITICAL_SUPPORT | RECOGNITION | NORMALIZATION | NORMALISATION | RAPPROCHEMENT }",
      "{ RESTORATION | NORMALIZATION | NORMALISATION } OF_ { RELATION | TIE | DIPLOMATIC_RELATION }"]),
    ("milaid", ("0232", "0332", "1032", "1222"),
     ["{ PROVIDE | GIVE | SEND | SUPPLY | DELIVER | SELL | TRANSFER } " + ARMS,
      "{ ARM | EQUIP }"],
     [ARMS]),
    ("econaid", ("0231", "0331", "1031", "1221"),
     ["{ PROVIDE | GIVE | SEND | EXTEND | GRANT } { ECONOMIC_AID | FINANCIAL_AID | FINANCIAL_ASSISTANCE | LOAN | CREDIT | BUDGET_SUPPORT | GRANT }",
      "{ CANCEL | FORGIVE | WRITE_OFF } DEBT"],
     ["{ ECONOMIC_AID | FINANCIAL_AID | FINANCIAL_ASSISTANCE | ECONOMIC_ASSISTANCE | LOAN | CREDIT | BAILOUT | BUDGET_SUPPORT | DEBT_RELIEF }"]),
    ("humaid", ("0233", "0333", "1033", "1223"),
     ["{ PROVIDE | GIVE | SEND | DELIVER | SUPPLY } { HUMANITARIAN_AID | HUMANITARIAN_ASSISTANCE | FOOD | MEDICINE | RELIEF | SHELTER | VACCINE | MEDICAL_SUPPLY | FOOD_AID }",
      "{ TAKE_IN | ACCEPT | RECEIVE | WELCOME } { REFUGEE | MIGRANT }"],
     ["{ HUMANITARIAN_AID | HUMANITARIAN_ASSISTANCE | FOOD_AID | EMERGENCY_AID | MEDICAL_AID | RELIEF_AID }"]),
    ("protect", ("0234", "0334", "1034", "1224"),
     ["{ SEND | DEPLOY | CONTRIBUTE | PROVIDE } { PEACEKEEPER | PEACEKEEP_FORCE | PEACEKEEP_TROOP | STABILIZATION_FORCE | PROTECTION_FORCE }",
      "{ PROTECT | DEFEND } { CIVILIAN | POPULATION | REFUGEE }",
      "{ PROVIDE | GIVE | OFFER } { SECURITY_GUARANTEE | PROTECTION | AIR_COVER }"],
     ["{ PEACEKEEPER | PEACEKEEP_FORCE | PEACEKEEP_MISSION | PEACEKEEP_TROOP | SECURITY_GUARANTEE | INTERNATIONAL_FORCE | NO_FLY_ZONE | INTERNATIONAL_PROTECTION }"]),
    ("aid", ("023", "033", "103", "122"),
     ["{ PROVIDE | GIVE | SEND | EXTEND } { AID | ASSISTANCE | HELP | SUPPORT }"],
     ["{ AID | ASSISTANCE | HELP }"]),
    ("leader", ("0241", "0341", "1041", "1231"),
     ["{ STEP_DOWN | RESIGN | QUIT | STAND_DOWN | LEAVE_OFFICE | LEAVE_POWER | RELINQUISH_POWER | HAND_OVER_POWER }",
      "NOT { RUN | SEEK } { RE_ELECTION | REELECTION | ANOTHER_TERM | FIFTH_TERM | THIRD_TERM }"],
     ["{ RESIGNATION | DEPARTURE | OUSTER | REMOVAL | REINSTATEMENT } OF_",
      "{ RESIGNATION | REINSTATEMENT }"]),
    ("policy", ("0242", "0342", "1042", "1232"),
     ["{ CHANGE | REVERSE | REVISE | ABANDON | RECONSIDER | REVIEW | DROP | SCRAP | RESCIND | AMEND | WITHDRAW } { POLICY | DECISION | LAW | PLAN | POSITION | STANCE | MEASURE | BILL | STATEMENT }"],
     ["{ POLICY_CHANGE | CHANGE_OF_POLICY | CHANGE_IN_POLICY | REVERSAL | REVISION }"]),
    ("rights", ("0243", "0343", "1043", "1233"),
     ["{ RESPECT | PROTECT | GUARANTEE | UPHOLD | GRANT | RESTORE } { HUMAN_RIGHT | RIGHT | FREEDOM | LIBERTY | FREE_SPEECH | PRESS_FREEDOM | MINORITY_RIGHT | SELF_DETERMINATION }"],
     ["{ HUMAN_RIGHT | CIVIL_RIGHT | FREEDOM | LIBERTY | SELF_DETERMINATION | AUTONOMY | EQUAL_RIGHT }"]),
    ("regime", ("0244", "0344", "1044", "1234"),
     ["{ RESTORE | RETURN_TO } { CONSTITUTIONAL_ORDER | CIVILIAN_RULE | CIVILIAN_GOVERNMENT | DEMOCRACY | CONSTITUTIONAL_RULE }",
      "{ HOLD | ORGANIZE | ORGANISE } { ELECTION | FREE_ELECTION | REFERENDUM }",
      "{ AMEND | CHANGE | REWRITE | REFORM } { CONSTITUTION | ELECTORAL_LAW }",
      "DISSOLVE { PARLIAMENT | GOVERNMENT | ASSEMBLY }"],
     ["{ ELECTION | FREE_ELECTION | EARLY_ELECTION | REFERENDUM | TRANSITION | CIVILIAN_RULE | CONSTITUTIONAL_ORDER | CONSTITUTIONAL_REFORM | NEW_CONSTITUTION | DEMOCRATIC_TRANSITION }",
      "{ RESTORATION | RETURN } OF_ { CONSTITUTIONAL_ORDER | CIVILIAN_RULE | DEMOCRACY }"]),
    ("reform", ("024", "034", "104", "123"),
     ["{ CARRY_OUT | IMPLEMENT | ENACT | INTRODUCE | PURSUE } REFORM",
      "{ FIGHT | TACKLE | END | ROOT_OUT } CORRUPTION"],
     ["{ REFORM | POLITICAL_REFORM | ECONOMIC_REFORM | DEMOCRATIC_REFORM }"]),
    ("admin", ("0251", "0351", "1051", "1241"),
     ["{ LIFT | EASE | END | RELAX | REVOKE } { CURFEW | STATE_OF_EMERGENCY | EMERGENCY_RULE | MARTIAL_LAW | TRAVEL_BAN | MEDIA_BAN | INTERNET_SHUTDOWN | CENSORSHIP | RESTRICTION }",
      "{ UNBLOCK | RESTORE } { INTERNET | SOCIAL_MEDIA | WEBSITE }",
      "{ LEGALIZE | LEGALISE | UNBAN } { PARTY | OPPOSITION }"],
     ["{ LIFT | EASE | END | RELAXATION } OF_ { CURFEW | STATE_OF_EMERGENCY | MARTIAL_LAW | RESTRICTION | TRAVEL_BAN }"]),
    ("dissent", ("0252", "0352", "1052", "1242"),
     ["{ END | HALT | STOP | CALL_OFF | SUSPEND } { PROTEST | STRIKE | DEMONSTRATION | SIT_IN | HUNGER_STRIKE | BOYCOTT | BLOCKADE | REVOLT | UPRISE }",
      "{ DISPERSE | GO_HOME | RETURN_TO_WORK }"],
     ["{ END | HALT } OF_ { PROTEST | STRIKE | DEMONSTRATION | HUNGER_STRIKE | BOYCOTT }"]),
    ("release", ("0253", "0353", "1053", "1243"),
     ["{ RELEASE | FREE | SET_FREE | RETURN | HAND_BACK } { HOSTAGE | PRISONER | DETAINEE | CAPTIVE | JOURNALIST | ACTIVIST | SOLDIER | CREW | SAILOR | CITIZEN | NATIONAL | POW | TANKER | SHIP | VESSEL | ASSET | FUND | PROPERTY | BODY }",
      "{ RELEASE | FREE }"],
     ["{ RELEASE | FREE | LIBERATION } OF_",
      "{ PRISONER_EXCHANGE | PRISONER_SWAP | HOSTAGE_RELEASE }"]),
    ("econsanc", ("0254", "0354", "1054", "1244"),
     ["{ LIFT | EASE | END | SUSPEND | RELAX | REMOVE | WAIVE } { SANCTION | EMBARGO | BOYCOTT | TRADE_RESTRICTION | TARIFF | TRADE_BAN | IMPORT_BAN | EXPORT_BAN }",
      "UNFREEZE { ASSET | FUND | ACCOUNT }",
      "{ RESUME | RESTORE } { TRADE | GAS_SUPPLY | FLIGHT | EXPORT | IMPORT }"],
     ["{ LIFT | EASE | END | REMOVAL | RELAXATION | SUSPENSION } OF_ { SANCTION | EMBARGO | BOYCOTT | TRADE_RESTRICTION | TRADE_BAN }",
      "SANCTION_RELIEF"]),
    ("intl", ("0255", "0355", "1055", "1245"),
     ["{ ALLOW | ADMIT | ACCEPT | PERMIT | LET_IN | RECEIVE } { INSPECTOR | MONITOR | OBSERVER | INVESTIGATOR | AID_WORKER | UN_MISSION | HUMANITARIAN_ACCESS | IAEA }",
      "{ OPEN | ALLOW } { HUMANITARIAN_CORRIDOR | AID_CORRIDOR | ACCESS }"],
     ["{ HUMANITARIAN_ACCESS | HUMANITARIAN_CORRIDOR | INTERNATIONAL_OBSERVER | INTERNATIONAL_INVESTIGATION | INDEPENDENT_INVESTIGATION | UN_INVESTIGATION | INTERNATIONAL_INQUIRY | INDEPENDENT_INQUIRY }"]),
    ("deesc", ("0256", "0356", "1056", "1246"),
     ["{ WITHDRAW | PULL_OUT | PULL_BACK | REMOVE | RECALL } { TROOP | FORCE | SOLDIER | TANK | WARSHIP }",
      "{ END | HALT | STOP | CEASE | SUSPEND } { FIGHT | HOSTILITY | ATTACK | OFFENSIVE | BOMBARDMENT | SHELL | AIRSTRIKE | WAR | VIOLENCE | MILITARY_OPERATION | AGGRESSION }",
      "{ DE_ESCALATE | DEESCALATE | EXERCISE_RESTRAINT | SHOW_RESTRAINT | LAY_DOWN | DISARM }",
      "{ OBSERVE | RESPECT | ABIDE_BY | HONOUR | HONOR | EXTEND } { CEASEFIRE | TRUCE }"],
     ["{ CEASEFIRE | TRUCE | ARMISTICE | RESTRAINT | DE_ESCALATION | DEESCALATION | CALM | CESSATION_OF_HOSTILITY | WITHDRAWAL | PULLOUT | DEMILITARIZATION | DISARMAMENT }",
      "END_TO_THE { FIGHT | VIOLENCE | WAR | HOSTILITY | BLOODSHED }"]),
    ("yield", ("025", "035", "105", "124"),
     ["{ BACK_DOWN | GIVE_IN | COMPLY | YIELD | CONCEDE }"],
     ["{ CONCESSION | COMPLIANCE }"]),
    ("meet", ("026", "036", "106", "125"),
     ["{ MEET | VISIT | NEGOTIATE | CONFER | CONSULT }",
      "{ HOLD | START | BEGIN | RESUME | OPEN | LAUNCH } { TALK | NEGOTIATION | DIALOGUE | CONSULTATION | SUMMIT | MEET }",
      "{ RETURN_TO | COME_TO } { NEGOTIATE_TABLE | TALK | TABLE }",
      "SIT_DOWN"],
     ["{ TALK | NEGOTIATION | DIALOGUE | CONSULTATION | MEET | SUMMIT | PEACE_TALK | DIRECT_TALK }",
      "{ RESUMPTION | RESTART } OF_ { TALK | NEGOTIATION | DIALOGUE }"]),
    ("settle", ("027", "037", "107", "127"),
     ["{ SETTLE | RESOLVE | END | SOLVE } { DISPUTE | CONFLICT | CRISIS | ROW | DIFFERENCE | STANDOFF | BORDER_DISPUTE }",
      "{ FIND | REACH | SEEK } { SOLUTION | SETTLEMENT | POLITICAL_SOLUTION | PEACEFUL_SOLUTION | POLITICAL_SETTLEMENT | COMPROMISE }",
      "MAKE_PEACE"],
     ["{ SETTLEMENT | PEACEFUL_SETTLEMENT | POLITICAL_SETTLEMENT | POLITICAL_SOLUTION | PEACEFUL_SOLUTION | DIPLOMATIC_SOLUTION | NEGOTIATE_SOLUTION | PEACE_DEAL | PEACE_AGREEMENT | PEACE_PLAN }"]),
    ("mediate", ("028", "038", "108", "126"),
     ["{ ACCEPT | ALLOW | WELCOME } { MEDIATION | MEDIATOR | GOOD_OFFICE }"],
     ["{ MEDIATION | INTERNATIONAL_MEDIATION | ARBITRATION | GOOD_OFFICE }"]),
]

ROOT_INDEX = {"02": 0, "03": 1, "10": 2, "12": 3}


def expand(frames, root, only=None, skip=()):
    """Patterns for one verb: frames are strings with V (a verb phrase)
    or N (a noun phrase) and the root picks the code column."""
    out = []
    col = ROOT_INDEX[root]
    for key, codes, verbs, nouns in OBJECTS:
        if (only and key not in only) or key in skip:
            continue
        for frame in frames:
            # "FRAME =CODE" gives every object of the frame one code
            # ("agreed with + on N" is accord, 019, whatever N is)
            frame, _, fixed = frame.partition(" =")
            phrases = verbs if "V" in frame.split() else nouns
            for ph in phrases:
                body = " ".join(ph if t in ("V", "N") else t for t in frame.split())
                for part in split_large(body):
                    out.append(f"- {part} [{fixed or codes[col]}]")
    return out


MAX_FORMS = 512  # the engine expands alternatives up to this many forms


def forms(body):
    n = 1
    for group in re.findall(r"\{([^{}]*)\}", body):
        n *= len(group.split("|"))
    return n


def split_large(body):
    """Split the largest {..} group until each pattern expands to at most
    MAX_FORMS concrete forms (the engine truncates beyond that)."""
    if forms(body) <= MAX_FORMS:
        return [body]
    groups = list(re.finditer(r"\{([^{}]*)\}", body))
    g = max(groups, key=lambda m: len(m.group(1).split("|")))
    items = [x.strip() for x in g.group(1).split("|")]
    half = len(items) // 2
    parts = []
    for chunk in (items[:half], items[half:]):
        alt = chunk[0] if len(chunk) == 1 else "{ " + " | ".join(chunk) + " }"
        parts += split_large(body[:g.start()] + alt + body[g.end():])
    return parts
