<?php
// This file is part of Moodle - https://moodle.org/
//
// Moodle is free software: you can redistribute it and/or modify
// it under the terms of the GNU General Public License as published by
// the Free Software Foundation, either version 3 of the License, or
// (at your option) any later version.
//
// Moodle is distributed in the hope that it will be useful,
// but WITHOUT ANY WARRANTY; without even the implied warranty of
// MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
// GNU General Public License for more details.
//
// You should have received a copy of the GNU General Public License
// along with Moodle.  If not, see <https://www.gnu.org/licenses/>.

/**
 * Chaînes françaises du plugin des vacataires de l'EAD.
 *
 * @package    local_eadtutors
 * @copyright  2026 Fédération Wallonie-Bruxelles, service de l'enseignement à distance
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

defined('MOODLE_INTERNAL') || die();

$string['ackcomment'] = 'Votre commentaire (facultatif)';
$string['acknowledge'] = 'J\'ai pris connaissance de cette évaluation';
$string['acknowledged'] = 'Votre prise de connaissance a été transmise.';
$string['acknowledgedon'] = 'Prise de connaissance le {$a}';
$string['answer'] = 'Répondre';
$string['answered'] = 'Votre réponse a été transmise au relecteur.';
$string['assignments'] = 'Mes affectations';
$string['cachedef_known'] = 'Si un utilisateur est vacataire de l\'EAD';
$string['cachedef_workspace'] = 'L\'espace EAD d\'un vacataire';
$string['current'] = 'en cours';
$string['deadline'] = 'modifications attendues pour le {$a}';
$string['done'] = 'Suivies';
$string['eadtutors:readchanges'] = 'Lire le journal des changements (service EAD)';
$string['eadtutors:view'] = 'Voir mon espace EAD';
$string['evaluations'] = 'Mes évaluations';
$string['hours'] = 'Heures';
$string['kind_continuing'] = 'continue';
$string['kind_initial'] = 'initiale';
$string['missingtrainings'] = 'Formations exigées par vos rôles et pas encore suivies :';
$string['module'] = 'Module';
$string['noassignments'] = 'Aucune affectation.';
$string['noevaluations'] = 'Pas encore d\'évaluation.';
$string['noreviews'] = 'Aucune revue qualité de vos modules en cours.';
$string['notrainings'] = 'Aucune formation.';
$string['notvacataire'] = 'L\'EAD ne vous connaît pas comme vacataire : cette page est destinée aux concepteurs et tuteurs de l\'EAD.';
$string['period'] = 'Période';
$string['pluginname'] = 'Vacataires de l\'EAD';
$string['privacy:metadata:change'] = 'Changements d\'attributions de rôles, de cours et d\'utilisateurs, gardés 30 jours pour la synchronisation du service EAD.';
$string['privacy:metadata:change:courseid'] = 'Le cours concerné.';
$string['privacy:metadata:change:kind'] = 'Ce qui a changé.';
$string['privacy:metadata:change:roleid'] = 'Le rôle attribué ou retiré.';
$string['privacy:metadata:change:timecreated'] = 'Quand cela a changé.';
$string['privacy:metadata:change:userid'] = 'L\'utilisateur concerné.';
$string['privacy:metadata:eadservice'] = 'Le service EAD (enseignement à distance de la Fédération Wallonie-Bruxelles) montre aux vacataires leurs affectations, formations, évaluations et constats de revue ; le plugin l\'interroge pour l\'utilisateur.';
$string['privacy:metadata:eadservice:answer'] = 'Les réponses de l\'utilisateur aux constats de revue.';
$string['privacy:metadata:eadservice:comment'] = 'Le commentaire de l\'utilisateur quand il prend connaissance d\'une évaluation.';
$string['privacy:metadata:eadservice:userid'] = 'L\'identifiant de l\'utilisateur Moodle, qui désigne le vacataire au service.';
$string['reviews'] = 'Revues qualité de mes modules';
$string['role'] = 'Rôle';
$string['role_author'] = 'Conception';
$string['role_tutor'] = 'Tutorat';
$string['score'] = 'score';
$string['secret'] = 'Secret partagé';
$string['secret_desc'] = 'Le secret partagé avec le service EAD (son EAD_PLUGIN_SECRET). Les requêtes sont signées avec lui ; il n\'est jamais transmis.';
$string['serviceurl'] = 'Adresse du service EAD';
$string['serviceurl_desc'] = 'L\'adresse de base du service EAD, par exemple https://ead.exemple.be. Les réglages de sécurité HTTP du site doivent autoriser son hôte et son port.';
$string['state_approved'] = 'approuvée';
$string['state_changes_requested'] = 'modifications demandées';
$string['state_in_review'] = 'en revue';
$string['state_planned'] = 'planifiée';
$string['state_rejected'] = 'refusée';
$string['task_purge_changes'] = 'Oublier les changements de plus de 30 jours';
$string['timeout'] = 'Délai d\'attente (secondes)';
$string['timeout_desc'] = 'Combien de temps la page attend le service EAD avant de dire qu\'il est indisponible.';
$string['topic_moodle'] = 'Moodle';
$string['topic_other'] = 'Autre';
$string['topic_pedagogy'] = 'Pédagogie en ligne';
$string['topic_tutoring'] = 'Tutorat à distance';
$string['trainings'] = 'Mes formations';
$string['unavailable'] = 'Le service EAD ne répond pas pour le moment : votre espace ne peut pas être affiché. Moodle fonctionne normalement ; réessayez dans quelques minutes.';
$string['upcoming'] = 'À venir';
$string['welcome'] = 'Bonjour {$a}, voici votre travail à l\'EAD.';
$string['workspace'] = 'Mon espace EAD';
